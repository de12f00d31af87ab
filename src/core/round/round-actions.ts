import { Type, type Static } from '../formats/type';
import { use, withHint } from '../formats/annotations';
import { conforms } from '../formats/conforms';
import { Id, IsoDate } from '../formats/common';
import { ACTION_STATUSES, MAX_ACTION_TEXT } from '../storage/record-formats';
import { TOKEN_PATTERN } from './token';

/**
 * What a team agreed to try after a round's figures, recorded by the lead against the
 * round (`round-actions:<round>`), and how each went, asked at the team's next round on
 * the same questionnaire. Nothing in it is a member's: it is what the meeting decided.
 */
export const ROUND_ACTIONS_PREFIX = 'round-actions:';
export const roundActionsKey = (roundId: string) => `${ROUND_ACTIONS_PREFIX}${roundId}`;
export const MAX_ROUND_ACTIONS = 20;

export const RoundActionFormat = Type.Object({
  id: Type.String({ title: 'Action id', pattern: '^[A-Za-z0-9-]{1,64}$' }),
  dimension: use(Id, { title: 'Dimension id' }),
  text: Type.String({ title: 'What the team will try', minLength: 1, maxLength: MAX_ACTION_TEXT }),
  by: Type.Optional(use(IsoDate, { title: 'By when', description: 'Noon UTC of the day chosen.' })),
  createdAt: IsoDate,
  review: Type.Optional(Type.Object({
    status: Type.Enum(ACTION_STATUSES, { title: 'How it went' }),
    at: IsoDate,
  }, { title: 'Review', description: 'How it went, as recorded at the next round.' })),
}, { title: 'Team action', description: 'What a team agreed to try on one dimension after a round.' });

export const RoundActionsFormat = Type.Object({
  schema: Type.Literal(1),
  roundId: withHint(Type.String({ title: 'Round id', pattern: TOKEN_PATTERN.regex.source }), { pattern: TOKEN_PATTERN.name }),
  actions: Type.Array(RoundActionFormat, { title: 'Actions', maxItems: MAX_ROUND_ACTIONS }),
}, { title: 'Team actions', description: 'The actions a team agreed after one round, oldest first.' });

export type RoundAction = Static<typeof RoundActionFormat>;
export type RoundActions = Static<typeof RoundActionsFormat>;

export function isRoundActions(value: unknown): value is RoundActions {
  return conforms(RoundActionsFormat, value);
}

export function readRoundActions(value: unknown): RoundActions | null {
  return isRoundActions(value) ? value : null;
}
