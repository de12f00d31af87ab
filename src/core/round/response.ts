import type { Static } from 'typebox';
import type { ReadonlyLists } from '../formats/annotations';
import { hintOf } from '../formats/annotations';
import { checkShape } from '../formats/check-shape';
import { joinPath, problemOf, type Checked, type EnglishWords, type EntryNoun, type Problem, type ProblemParamsOf } from '../problems';
import { foundWords, nounWords, PATTERN_WORDS } from '../problem-words';
import { asksWantedPerItem, ID_PATTERN, type Questionnaire } from '../questionnaire/types';
import { parseJsonSafely, type JsonLimits } from '../safe-json';
import { isScalePosition, type ScalePosition } from '../scoring';
import { ShapeChecker, found, isPlainObject, shapeProblem } from '../shape';
import { RESPONSE_FORMAT, ResponseFormat, TOKEN_PATTERN } from './response-format';

/**
 * An anonymised response: what a team member shares with the lead. It holds the
 * answers and the ids needed to pool them, and nothing that could identify a person
 * (no name, note or time), so any other field is refused rather than passed on.
 * Its shape is defined once, in `./response-format.ts`.
 */
export type AnonymisedResponse = ReadonlyLists<Static<typeof ResponseFormat>>;

export { RESPONSE_FORMAT, TOKEN_PATTERN } from './response-format';

type ResponseCode = 'not-a-response' | 'too-few-entries' | 'key-not-id' | 'no-such-item' | 'no-such-dimension';

/** What is wrong with a response beyond its shape, in English; the dashboard words it from the same params (`problem.*`). */
const WORDS: EnglishWords<ResponseCode> = {
  'not-a-response': ({ found, value }) => `expected an object, found ${foundWords(found, value)} (a response file holds one JSON object)`,
  'too-few-entries': ({ min, noun }) => `is empty; expected at least ${nounWords(noun, min)}`,
  'key-not-id': ({ key, pattern }) => `has the key ${key}, which is not an id; expected ${PATTERN_WORDS[pattern]}`,
  'no-such-item': ({ questionnaire, version }) => `names no item of ${questionnaire} version ${version}`,
  'no-such-dimension': ({ questionnaire, version }) => `names no dimension of ${questionnaire} version ${version}`,
};

function responseProblem<C extends ResponseCode>(path: string, code: C, params: ProblemParamsOf[C]): Problem {
  return problemOf(path, code, params, WORDS[code]);
}

/** A response is under 2 KB; small limits keep a hostile file cheap to refuse. */
export const RESPONSE_LIMITS: JsonLimits = { maxBytes: 64_000, maxDepth: 8 };

export function parseResponse(text: string): Checked<AnonymisedResponse> {
  const parsed = parseJsonSafely(text, RESPONSE_LIMITS);
  return parsed.ok ? validateResponse(parsed.value) : parsed;
}

export function validateResponse(input: unknown): Checked<AnonymisedResponse> {
  if (!isPlainObject(input)) {
    return { ok: false, problems: [responseProblem('', 'not-a-response', found(input))] };
  }
  const check = new ShapeChecker();
  const positions: Record<string, Record<string, ScalePosition> | null> = {};
  checkShape(check, ResponseFormat, input, '', {
    positions: (value, path, schema) => {
      const { minProperties = 0, maxProperties = Number.MAX_SAFE_INTEGER } = schema as { minProperties?: number; maxProperties?: number };
      positions[path] = checkPositions(check, value, path, minProperties, maxProperties, hintOf(schema).noun ?? 'entry');
    },
  });
  if (check.problems.length > 0) return { ok: false, problems: check.problems };
  const questionnaire = input.questionnaire as { id: string; version: number };
  // Rebuilt field by field, so that the value holds exactly what was checked.
  return {
    ok: true,
    value: {
      format: RESPONSE_FORMAT,
      formatVersion: 1,
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      round: input.round as string,
      response: input.response as string,
      answers: positions.answers!,
      wanted: positions.wanted!,
    },
  };
}

/** An object from ids to scale positions. Keys must be ids, so "__proto__" cannot pass. */
function checkPositions(check: ShapeChecker, value: unknown, path: string, minEntries: number, maxEntries: number, noun: EntryNoun): Record<string, ScalePosition> | null {
  if (value === undefined) return null;
  if (!isPlainObject(value)) {
    check.problem(path, 'expected-type', { types: 'object', ...found(value) });
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length < minEntries) check.add(responseProblem(path, 'too-few-entries', { min: minEntries, noun }));
  if (keys.length > maxEntries) {
    check.problem(path, 'too-many', { count: keys.length, max: maxEntries });
    return null;
  }
  const positions: Record<string, ScalePosition> = {};
  for (const key of keys) {
    if (!ID_PATTERN.regex.test(key)) {
      check.add(responseProblem(path, 'key-not-id', { key: JSON.stringify(displayKey(key)), pattern: ID_PATTERN.name }));
      continue;
    }
    const position = check.integer(value[key], joinPath(path, key), 1, 7);
    if (position !== null) positions[key] = position as ScalePosition;
  }
  return positions;
}

function displayKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 37)}...` : key;
}

interface QuestionnaireIndex {
  items: Set<string>;
  dimensions: Set<string>;
}

// Built once per questionnaire object: the aggregator checks every response against it.
const indexes = new WeakMap<Questionnaire, QuestionnaireIndex>();

function indexOf(questionnaire: Questionnaire): QuestionnaireIndex {
  let index = indexes.get(questionnaire);
  if (!index) {
    index = {
      items: new Set(questionnaire.items.map((item) => item.id)),
      dimensions: new Set(questionnaire.dimensions.map((dimension) => dimension.id)),
    };
    indexes.set(questionnaire, index);
  }
  return index;
}

/** What stops a valid response from belonging to this questionnaire; empty when nothing. */
export function checkAgainst(response: AnonymisedResponse, questionnaire: Questionnaire): Problem[] {
  const problems: Problem[] = [];
  const named = { questionnaire: questionnaire.id, version: questionnaire.version };
  if (response.questionnaire.id !== questionnaire.id) {
    problems.push(shapeProblem('questionnaire.id', 'not-constant', { actual: 'string', value: `"${response.questionnaire.id}"`, expected: `"${questionnaire.id}"` }));
    return problems; // another questionnaire: its item ids say nothing more
  }
  if (response.questionnaire.version !== questionnaire.version) {
    problems.push(shapeProblem('questionnaire.version', 'not-constant', { actual: 'number', value: String(response.questionnaire.version), expected: String(questionnaire.version) }));
  }
  const index = indexOf(questionnaire);
  for (const id of Object.keys(response.answers)) {
    if (!index.items.has(id)) problems.push(responseProblem(joinPath('answers', id), 'no-such-item', named));
  }
  // Questionnaires of format 2 ask "wanted" per item, so there its keys are item ids.
  const perItem = asksWantedPerItem(questionnaire);
  for (const id of Object.keys(response.wanted)) {
    if (perItem && !index.items.has(id)) problems.push(responseProblem(joinPath('wanted', id), 'no-such-item', named));
    if (!perItem && !index.dimensions.has(id)) problems.push(responseProblem(joinPath('wanted', id), 'no-such-dimension', named));
  }
  return problems;
}

export interface ResponseInput {
  questionnaire: Pick<Questionnaire, 'formatVersion' | 'id' | 'version' | 'items' | 'dimensions'>;
  round: string;
  response: string;
  answers: Readonly<Record<string, number>>;
  /** Dimension id → wanted position: questionnaires of format 1. */
  wanted: Readonly<Record<string, number>>;
  /** Item id → wanted position: questionnaires of format 2, which ask "wanted" per item. */
  wantedItems?: Readonly<Record<string, number>>;
}

/**
 * Builds a response from a sitting's answers. It keeps only the questionnaire's own
 * items and dimensions, in the questionnaire's order, so the file does not reveal the
 * order in which the person answered. Throws on a bad id: that is a bug, not input.
 */
export function makeResponse(input: ResponseInput): AnonymisedResponse {
  for (const [name, id] of [['round', input.round], ['response', input.response]] as const) {
    if (!TOKEN_PATTERN.regex.test(id)) throw new RangeError(`${name} id ${JSON.stringify(id)} is not ${TOKEN_PATTERN.description}`);
  }
  const answers: Record<string, ScalePosition> = {};
  for (const item of input.questionnaire.items) {
    const position = Object.hasOwn(input.answers, item.id) ? input.answers[item.id] : undefined;
    if (isScalePosition(position)) answers[item.id] = position;
  }
  if (Object.keys(answers).length === 0) throw new RangeError('a response needs at least one answer');
  // Format 2 asks "wanted" per item: its positions go under the item ids, for the items
  // answered now (an item answered "does not apply" is simply not in the response).
  const wanted: Record<string, ScalePosition> = {};
  const wantedFrom = asksWantedPerItem(input.questionnaire) ? input.wantedItems ?? {} : input.wanted;
  const wantedIds = asksWantedPerItem(input.questionnaire) ? Object.keys(answers) : input.questionnaire.dimensions.map((d) => d.id);
  for (const id of wantedIds) {
    const position = Object.hasOwn(wantedFrom, id) ? wantedFrom[id] : undefined;
    if (isScalePosition(position)) wanted[id] = position;
  }
  return {
    format: RESPONSE_FORMAT,
    formatVersion: 1,
    questionnaire: { id: input.questionnaire.id, version: input.questionnaire.version },
    round: input.round,
    response: input.response,
    answers,
    wanted,
  };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A response id from random bytes: 16 bytes give 22 base64url characters (128 bits). */
export function encodeResponseId(bytes: Uint8Array): string {
  let id = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      id += BASE64URL[(buffer >> bits) & 63];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) id += BASE64URL[(buffer << (6 - bits)) & 63];
  return id.slice(0, 64);
}
