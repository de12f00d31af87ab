import { checkShape, type RuleCheck } from '../formats/check-shape';
import { parseJsonSafely } from '../safe-json';
import type { Checked, EnglishWords, ProblemParamsOf } from '../problems';
import { joinPath, problemOf } from '../problems';
import { foundWords } from '../problem-words';
import { found, isPlainObject, quote, ShapeChecker } from '../shape';
import { QUESTIONNAIRE_LIMITS, QuestionnaireFormat } from './format';
import { ID_PATTERN, LANGUAGE_PATTERN, MIN_ITEMS_PER_DIMENSION, type Questionnaire } from './types';

const ID_MAX_LENGTH = 64;

type QuestionnaireCode = 'not-a-questionnaire' | 'unknown-dimension' | 'unknown-dimension-none-defined' | 'too-few-items'
  | 'sides-not-alternating' | 'duplicate-item-id' | 'duplicate-dimension-id' | 'language-twice' | 'no-english'
  | 'needs-format-2' | 'continues-from-not-earlier' | 'duplicate-axis-id' | 'unknown-axis' | 'axis-needed' | 'axis-without-axes' | 'axis-too-few-dimensions';

/** The rules across fields, in English; the dashboard words them from the same params (`problem.*`). */
const WORDS: EnglishWords<QuestionnaireCode> = {
  'not-a-questionnaire': ({ found, value }) => `expected an object, found ${foundWords(found, value)} (a questionnaire file holds one JSON object)`,
  'unknown-dimension': ({ dimension, known }) => `names the dimension ${dimension}, which this file does not define; expected one of ${known}`,
  'unknown-dimension-none-defined': ({ dimension }) => `names the dimension ${dimension}, which this file does not define; expected one of (no valid dimensions defined)`,
  'too-few-items': ({ dimension, count, min }) => `dimension ${dimension} has ${count} item${count === 1 ? '' : 's'}; expected at least ${min} so that its score is reliable`,
  'sides-not-alternating': ({ dimension, from, to }) => `dimension ${dimension} shows the "from" pole on the left in ${from} items and the "to" pole in ${to}; expected the sides to alternate (counts differing by at most 1)`,
  'duplicate-item-id': ({ id, first }) => `${id} is used twice; item ids must be unique (first at ${first})`,
  'duplicate-dimension-id': ({ id, first }) => `${id} is used twice; dimension ids must be unique (first at ${first})`,
  'language-twice': ({ language }) => `${language} is listed twice; expected each language once`,
  'no-english': () => 'does not include "en"; expected English among the languages',
  'needs-format-2': () => 'is part of format 2; set "formatVersion": 2 (a Shiftmeter that knows only format 1 would refuse the file)',
  'continues-from-not-earlier': ({ latest }) => `is not an earlier version than this file's; expected a version from 1 to ${latest}`,
  'duplicate-axis-id': ({ id, first }) => `${id} is used twice; axis ids must be unique (first at ${first})`,
  'unknown-axis': ({ axis, known }) => `names the axis ${axis}, which this file does not define; expected one of ${known}`,
  'axis-needed': () => 'is missing; with "axes" in the file, every dimension names its axis',
  'axis-without-axes': () => 'names an axis, but the file has no "axes"',
  'axis-too-few-dimensions': ({ axis, count, min }) => `axis ${axis} has ${count} dimension${count === 1 ? '' : 's'}; expected at least ${min}`,
};

/** A profile's axis needs this many dimensions, so that no axis rests on one dimension's items. */
export const MIN_DIMENSIONS_PER_AXIS = 2;

function report<C extends QuestionnaireCode>(check: ShapeChecker, path: string, code: C, params: ProblemParamsOf[C]): void {
  check.add(problemOf(path, code, params, WORDS[code]));
}

/** The limits of the format, for tests and messages that name them. */
export const LIMITS = { ...QUESTIONNAIRE_LIMITS, languages: { min: 1, max: 20 }, schemaReference: 1000 } as const;

export function parseQuestionnaire(text: string): Checked<Questionnaire> {
  const parsed = parseJsonSafely(text);
  return parsed.ok ? validateQuestionnaire(parsed.value) : parsed;
}

/**
 * The one validator of questionnaire files, used by the extension, the kit command
 * and the tests. The shape comes from the format's definition (`./format.ts`), the
 * same one `questionnaires/schema.json` is generated from; this adds the rules across
 * fields that JSON Schema cannot express.
 */
export function validateQuestionnaire(input: unknown): Checked<Questionnaire> {
  if (!isPlainObject(input)) {
    return { ok: false, problems: [problemOf('', 'not-a-questionnaire', found(input), WORDS['not-a-questionnaire'])] };
  }
  const check = new ShapeChecker();
  checkShape(check, QuestionnaireFormat, input, '', {
    ...fileRules(check),
    'dimension-reference': (value, path) => void check.string(value, path, ID_MAX_LENGTH),
  });
  checkReferences(check, input);
  checkFormat2(check, input);
  if (check.problems.length > 0) return { ok: false, problems: check.problems };
  return { ok: true, value: input as unknown as Questionnaire };
}

/**
 * The rules a file's texts follow: the list of languages (each once, English among
 * them), and every text in exactly those languages. Shared with the course pack.
 */
export function fileRules(check: ShapeChecker): Record<string, RuleCheck> {
  let languages: string[] | null = null;
  return {
    languages: (value) => void (languages = checkLanguages(check, value)),
    'localized-text': (value, path, schema) => checkText(check, value, path, languages, schema.properties?.en?.maxLength ?? Number.MAX_SAFE_INTEGER),
  };
}

/** Ids unique, items naming dimensions that exist, enough items per dimension with the sides alternating. */
function checkReferences(check: ShapeChecker, root: Record<string, unknown>): void {
  const dimensions = Array.isArray(root.dimensions) ? root.dimensions : null;
  const dimensionIds = uniqueIds(check, dimensions ?? [], 'dimensions', 'duplicate-dimension-id');
  const itemsPerDimension = new Map<string, { from: number; to: number; total: number }>();
  const items = Array.isArray(root.items) ? root.items : [];
  uniqueIds(check, items, 'items', 'duplicate-item-id');
  items.forEach((entry, index) => {
    if (!isPlainObject(entry) || !isReference(entry.dimension)) return;
    const dimension = entry.dimension;
    // Without a list of dimensions there is nothing to look the name up in; that is reported already.
    if (dimensions !== null && !dimensionIds.has(dimension)) {
      const known = [...dimensionIds.keys()].map((d) => `"${d}"`).join(', ');
      const path = joinPath(joinPath('items', index), 'dimension');
      if (known) report(check, path, 'unknown-dimension', { dimension: quote(dimension), known });
      else report(check, path, 'unknown-dimension-none-defined', { dimension: quote(dimension) });
      return;
    }
    const counts = itemsPerDimension.get(dimension) ?? { from: 0, to: 0, total: 0 };
    counts.total++;
    if (entry.leftPole === 'from' || entry.leftPole === 'to') counts[entry.leftPole]++;
    itemsPerDimension.set(dimension, counts);
  });

  for (const [id, index] of dimensionIds) {
    const counts = itemsPerDimension.get(id) ?? { from: 0, to: 0, total: 0 };
    const total = counts.total;
    const path = joinPath('dimensions', index);
    if (total < MIN_ITEMS_PER_DIMENSION) {
      report(check, path, 'too-few-items', { dimension: `"${id}"`, count: total, min: MIN_ITEMS_PER_DIMENSION });
    } else if (counts.from + counts.to === total && Math.abs(counts.from - counts.to) > 1) {
      report(check, path, 'sides-not-alternating', { dimension: `"${id}"`, from: counts.from, to: counts.to });
    }
  }
}

/**
 * What format 2 adds: only in files that say so (a Shiftmeter that knows only format 1
 * refuses any field it does not know, "reflection" too); "continuesFrom" names an earlier
 * version; with "axes", every dimension on one of them and each axis with at least two.
 */
function checkFormat2(check: ShapeChecker, root: Record<string, unknown>): void {
  const format2 = root.formatVersion === 2;
  const dimensions = Array.isArray(root.dimensions) ? root.dimensions : [];
  const axes = Array.isArray(root.axes) ? root.axes : null;
  if (!format2 && root.formatVersion === 1) {
    if (Object.hasOwn(root, 'axes')) report(check, 'axes', 'needs-format-2', {});
    dimensions.forEach((dimension, index) => {
      if (!isPlainObject(dimension)) return;
      for (const field of ['continuesFrom', 'axis', 'reflection']) {
        if (Object.hasOwn(dimension, field)) report(check, joinPath(joinPath('dimensions', index), field), 'needs-format-2', {});
      }
    });
  }
  const version = typeof root.version === 'number' ? root.version : null;
  dimensions.forEach((dimension, index) => {
    if (!isPlainObject(dimension) || typeof dimension.continuesFrom !== 'number' || version === null) return;
    if (dimension.continuesFrom >= version && Number.isInteger(dimension.continuesFrom)) {
      report(check, joinPath(joinPath('dimensions', index), 'continuesFrom'), 'continues-from-not-earlier', { latest: version - 1 });
    }
  });
  const axisIds = axes ? uniqueIds(check, axes, 'axes', 'duplicate-axis-id') : new Map<string, number>();
  const perAxis = new Map<string, number>();
  dimensions.forEach((dimension, index) => {
    if (!isPlainObject(dimension)) return;
    const path = joinPath(joinPath('dimensions', index), 'axis');
    if (axes === null) {
      if (Object.hasOwn(dimension, 'axis') && format2) report(check, path, 'axis-without-axes', {});
      return;
    }
    if (!Object.hasOwn(dimension, 'axis')) return report(check, path, 'axis-needed', {});
    if (typeof dimension.axis !== 'string' || !ID_PATTERN.regex.test(dimension.axis)) return; // reported by its shape
    if (!axisIds.has(dimension.axis)) {
      report(check, path, 'unknown-axis', { axis: quote(dimension.axis), known: [...axisIds.keys()].map((a) => `"${a}"`).join(', ') });
      return;
    }
    perAxis.set(dimension.axis, (perAxis.get(dimension.axis) ?? 0) + 1);
  });
  for (const [id, index] of axisIds) {
    const count = perAxis.get(id) ?? 0;
    if (count < MIN_DIMENSIONS_PER_AXIS) report(check, joinPath('axes', index), 'axis-too-few-dimensions', { axis: `"${id}"`, count, min: MIN_DIMENSIONS_PER_AXIS });
  }
}

/** A string the shape check let through as a dimension reference: not blank, not too long. */
function isReference(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && [...value].length <= ID_MAX_LENGTH;
}

/** The valid ids of a list's entries, by first index; a repeated id is reported where it repeats. */
function uniqueIds(check: ShapeChecker, entries: readonly unknown[], list: string, code: 'duplicate-item-id' | 'duplicate-dimension-id' | 'duplicate-axis-id'): Map<string, number> {
  const ids = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!isPlainObject(entry) || typeof entry.id !== 'string' || !ID_PATTERN.regex.test(entry.id)) return;
    const id = entry.id;
    if (ids.has(id)) report(check, joinPath(joinPath(list, index), 'id'), code, { id: `"${id}"`, first: joinPath(list, ids.get(id)!) });
    else ids.set(id, index);
  });
  return ids;
}

/** The string a check returns, or null when the check reported a problem with it. */
function validString(check: ShapeChecker, run: () => string | null): string | null {
  const before = check.problems.length;
  const value = run();
  return check.problems.length === before ? value : null;
}

/**
 * The declared languages, or null when the list itself is wrong: then texts are only
 * checked for what holds whatever the list (English present, language-code keys), so
 * that one mistake in `languages` does not bury the author in a report per text.
 */
export function checkLanguages(check: ShapeChecker, value: unknown): string[] | null {
  const list = check.array(value, 'languages', LIMITS.languages.min, LIMITS.languages.max);
  if (!list) return null;
  const before = check.problems.length;
  const languages: string[] = [];
  list.forEach((entry, index) => {
    const language = validString(check, () => check.string(entry, joinPath('languages', index), 3, LANGUAGE_PATTERN));
    if (language === null) return;
    if (languages.includes(language)) report(check, joinPath('languages', index), 'language-twice', { language: `"${language}"` });
    else languages.push(language);
  });
  if (!languages.includes('en')) report(check, 'languages', 'no-english', {});
  return check.problems.length === before ? languages : null;
}

/** A text object: one non-empty string per declared language and nothing else. */
export function checkText(check: ShapeChecker, value: unknown, path: string, languages: readonly string[] | null, maxLength: number): void {
  if (languages === null) {
    const text = check.object(value, path, ['en'], Object.keys(Object(value)).filter((key) => LANGUAGE_PATTERN.regex.test(key)));
    if (!text) return;
    for (const [language, entry] of Object.entries(text)) {
      if (LANGUAGE_PATTERN.regex.test(language)) check.string(entry, joinPath(path, language), maxLength);
    }
    return;
  }
  const text = check.object(value, path, languages);
  if (!text) return;
  for (const language of languages) {
    if (Object.hasOwn(text, language)) check.string(text[language], joinPath(path, language), maxLength);
  }
}
