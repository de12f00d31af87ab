/**
 * One thing wrong with an input, and where in it. `message` is the English text the kit
 * prints and the tests read; a problem a validator made also has a structured form,
 * `code` and `params`, from which the English was written and from which the dashboard
 * words the same problem in the reader's language (see `src/ui/problem-words.ts`).
 */
export interface Problem {
  /** A JSON path into the input, e.g. `items[4].left.sv`; empty for the whole input. */
  path: string;
  message: string;
  /** What kind of problem this is; absent on problems with only a message. */
  readonly code?: ProblemCode;
  /** The values the message names: counts, limits, ids and values quoted from the file, and the kinds of words around them. */
  readonly params?: ProblemParams;
}

export type ProblemParams = Readonly<Record<string, string | number>>;

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** What a value found in a file is, for "found the string "x"" and "is an array". */
export const VALUE_KINDS = ['null', 'array', 'object', 'string', 'number', 'boolean', 'other'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
/** The JSON types a place may expect ("expected a string or an object"); several are joined with "|". */
export const TYPE_NAMES = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'] as const;
export type TypeName = (typeof TYPE_NAMES)[number];
/** The patterns an id or code must match, each described in words rather than as a regex. */
export const PATTERN_NAMES = ['id', 'language-code', 'token', 'record-id'] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];
/** Why a constant is what it is, when that is not obvious. */
export const CONSTANT_REASONS = ['format-version', 'scale-points'] as const;
export type ConstantReason = (typeof CONSTANT_REASONS)[number];
/** What the entries of a map are called, in "expected at least 1 answer". */
export const ENTRY_NOUNS = ['answer', 'wanted-position', 'entry'] as const;
export type EntryNoun = (typeof ENTRY_NOUNS)[number];
/** What stands where JSON text goes wrong. */
export const JSON_FOUND = ['end', 'invisible', 'word', 'slash', 'single-quote', 'double-quote', 'character'] as const;
export type JsonFound = (typeof JSON_FOUND)[number];
/** What JSON would allow there instead. */
export const JSON_EXPECTED = ['value', 'property-name', 'colon', 'comma-or-close', 'comma-missing', 'another-entry', 'end-of-file', 'digit', 'no-control-character', 'escape', 'hex-digits', 'closing-quote'] as const;
export type JsonExpected = (typeof JSON_EXPECTED)[number];

type None = Record<string, never>;
/** A value found in the file: its kind and, for scalars, its text as the file has it (strings quoted). */
type Found = { found: ValueKind; value: string };
/** The same, where the message says "is …" (a string is shown as itself, not as "the string …"). */
type Actual = { actual: ValueKind; value: string };

/** Every kind of problem the validators report, with the params its message names. */
export interface ProblemParamsOf {
  // The shape of a value (src/core/shape.ts, src/core/formats/check-shape.ts)
  'missing': None;
  'unknown-field': { fields: string };
  'identifying-field': { fields: string };
  'expected-type': Found & { types: string };
  'expected-boolean': None;
  'too-few': { count: number; min: number };
  'too-many': { count: number; max: number };
  'empty': None;
  'too-long': { length: number; max: number };
  'pattern': { value: string; pattern: PatternName };
  'pattern-regex': { value: string; regex: string };
  'out-of-range': { value: number; min: number; max: number };
  'not-constant': Actual & { expected: string };
  'not-constant-because': Actual & { expected: string; reason: ConstantReason };
  'not-one-of': Actual & { allowed: string };
  'bad-key': { key: string; pattern: PatternName };
  'bad-key-regex': { key: string; regex: string };
  'not-a-date': None;
  // Questionnaire files (src/core/questionnaire/validate.ts)
  'not-a-questionnaire': Found;
  'unknown-dimension': { dimension: string; known: string };
  'unknown-dimension-none-defined': { dimension: string };
  'too-few-items': { dimension: string; count: number; min: number };
  'sides-not-alternating': { dimension: string; from: number; to: number };
  'duplicate-item-id': { id: string; first: string };
  'duplicate-dimension-id': { id: string; first: string };
  'language-twice': { language: string };
  'no-english': None;
  'needs-format-2': None;
  'continues-from-not-earlier': { latest: number };
  'duplicate-axis-id': { id: string; first: string };
  'unknown-axis': { axis: string; known: string };
  'axis-needed': None;
  'axis-without-axes': None;
  'axis-too-few-dimensions': { axis: string; count: number; min: number };
  // Course packs (src/core/pack/validate-pack.ts)
  'duplicate-pack-id': { id: string; first: string };
  'one-pole-only': None;
  'best-count': { count: number };
  // Anonymised responses (src/core/round/response.ts, sealing.ts)
  'not-a-response': Found;
  'too-few-entries': { min: number; noun: EntryNoun };
  'key-not-id': { key: string; pattern: PatternName };
  'no-such-item': { questionnaire: string; version: number };
  'no-such-dimension': { questionnaire: string; version: number };
  'not-utf8': None;
  'counts-in-no-figure': None;
  // Backups (src/core/backup/backup.ts)
  'not-a-backup': None;
  'missing-or-not-whole-number': None;
  'backup-too-new': { version: number; known: number };
  'missing-or-not-date': None;
  'missing-or-not-object': None;
  'unknown-record-kind': None;
  'damaged-record': None;
  // JSON text (src/core/safe-json.ts, json-syntax.ts)
  'too-large': { size: string };
  'empty-file': None;
  'too-deep': { max: number; line: number };
  'json-syntax': { line: number; column: number; jsonFound: JsonFound; text: string; jsonExpected: JsonExpected; close: string };
  'json-invalid': { detail: string };
  // The organisation's policy, from the browser's managed storage (src/core/policy/read-policy.ts)
  'not-a-policy': Found;
  'not-a-policy-setting': { known: string };
  'policy-too-many-questionnaires': { count: number; max: number };
  'policy-questionnaires-too-large': { size: string; count: number };
  'policy-questionnaire-refused': { count: number };
  'policy-questionnaire-twice': { id: string; version: number; first: string };
  'policy-unreadable': None;
  'policy-questionnaire-shipped-id': { id: string };
  'policy-questionnaire-other-content': { id: string; version: number };
}

export type ProblemCode = keyof ProblemParamsOf;

/** A message's English wording for each of some codes, written from the params alone. */
export type EnglishWords<C extends ProblemCode> = { readonly [K in C]: (params: ProblemParamsOf[K]) => string };

/**
 * A problem with its structured form; the English message is made from the same params,
 * so the two cannot say different things. `code` and `params` are not enumerable: a
 * problem prints, compares and serialises as `{ path, message }`, as the kit and its
 * tests have always seen it, while a reader in the dashboard can still use them.
 */
export function problemOf<C extends ProblemCode>(path: string, code: C, params: ProblemParamsOf[C], english: (params: ProblemParamsOf[C]) => string): Problem {
  return Object.defineProperties({ path, message: english(params) }, { code: { value: code }, params: { value: params } });
}

/** The same problem at another place (a questionnaire's problem inside a course pack). */
export function movedTo(problem: Problem, path: string): Problem {
  const moved = { path, message: problem.message };
  return problem.code === undefined ? moved : Object.defineProperties(moved, { code: { value: problem.code }, params: { value: problem.params } });
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

export function describeProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}
