import { Type } from '../formats/type';
import { use, withHint } from '../formats/annotations';
import { Id } from '../formats/common';
import type { EntryNoun } from '../problems';
import type { ScalePosition } from '../scoring';
import { TOKEN_PATTERN } from './token';

/**
 * The anonymised response file (what a team member's code holds, and what the kit's
 * `aggregate` reads), defined once: the `AnonymisedResponse` type, `validateResponse`
 * and the published `docs/schemas/response.schema.json` come from here.
 */

export const RESPONSE_FORMAT = 'shiftmeter-response';

export { TOKEN_PATTERN };

// The questionnaire validator's own limits: no valid response can have more. Format 2 asks
// "wanted" per item, so a response can hold as many wanted positions as answers (format 1
// asked it per dimension, at most 20).
export const MAX_ANSWERS = 400;
export const MAX_WANTED = MAX_ANSWERS;

const Token = (title: string, description: string) => withHint(Type.String({ title, description, pattern: TOKEN_PATTERN.regex.source, maxLength: 64 }), { pattern: TOKEN_PATTERN.name });

/** Id → position on the 7-point scale; the keys must be ids, so "__proto__" cannot pass. */
const positions = (title: string, description: string, minEntries: number, maxEntries: number, noun: EntryNoun) => withHint(
  Type.Unsafe<Readonly<Record<string, ScalePosition>>>({
    title,
    description,
    type: 'object',
    minProperties: minEntries,
    maxProperties: maxEntries,
    propertyNames: Id,
    additionalProperties: { type: 'integer', minimum: 1, maximum: 7 },
  }),
  { rule: 'positions', noun },
);

export const ResponseFormat = withHint(Type.Object({
  format: Type.Literal(RESPONSE_FORMAT, { title: 'Kind of file', description: `Always "${RESPONSE_FORMAT}".` }),
  formatVersion: Type.Literal(1, { title: 'Format version', description: 'Always 1.' }),
  questionnaire: Type.Object({
    id: use(Id, { title: 'Questionnaire id' }),
    version: Type.Integer({ title: 'Questionnaire version', minimum: 1, maximum: 1_000_000 }),
  }, { title: 'Questionnaire', description: 'The questionnaire and version answered; responses of other versions are not pooled.', additionalProperties: false }),
  round: Token('Round', 'The round the response was sealed for.'),
  response: Token('Response id', 'A random id, so that the same response imported twice counts once.'),
  answers: positions('Answers', 'Item id → position, 1 at the item\'s left statement.', 1, MAX_ANSWERS, 'answer'),
  wanted: positions('Wanted', 'Questionnaires of format 1: dimension id → wanted position, 1 at the dimension\'s "from" pole. Format 2: item id → wanted position, 1 at the item\'s left statement, for the items answered.', 0, MAX_WANTED, 'wanted-position'),
}, { additionalProperties: false }), {
  // Anything else could identify a person: refused, and the member told why.
  unknownField: 'identifying-field',
});

export const RESPONSE_SCHEMA_HEADER = {
  $id: 'https://shiftmeter.invalid/schema/response.schema.json',
  title: 'Shiftmeter anonymised response',
  description: 'One team member\'s answers as the lead receives them: no name, note or time, and no other field (a field that could identify a person is refused). See docs/privacy.md.',
};
