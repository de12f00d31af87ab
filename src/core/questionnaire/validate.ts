import { parseJsonSafely } from '../safe-json';
import type { Checked } from '../problems';
import { joinPath } from '../problems';
import { quote, ShapeChecker } from '../shape';
import {
  ID_PATTERN, LANGUAGE_PATTERN, MIN_ITEMS_PER_DIMENSION, SCALE_POINTS, TEXT_LIMITS,
  type Questionnaire,
} from './types';

const TOP_FIELDS = ['kind', 'formatVersion', 'id', 'version', 'languages', 'title', 'description', 'poles', 'scale', 'dimensions', 'items'] as const;
const DIMENSION_FIELDS = ['id', 'name', 'from', 'to', 'theory', 'sources'] as const;
const ITEM_FIELDS = ['id', 'dimension', 'leftPole', 'left', 'right'] as const;
export const LIMITS = {
  maxVersion: 1_000_000,
  languages: { min: 1, max: 20 },
  dimensions: { min: 1, max: 20 },
  sources: { min: 1, max: 20 },
  items: { min: 1, max: 400 },
  schemaReference: 1000,
} as const;

export function parseQuestionnaire(text: string): Checked<Questionnaire> {
  const parsed = parseJsonSafely(text);
  return parsed.ok ? validateQuestionnaire(parsed.value) : parsed;
}

/**
 * The one validator of questionnaire files, used by the extension, the kit command
 * and the tests. `questionnaires/schema.json` describes the same rules for editors;
 * a unit test holds the two together (this one may be stricter: it also checks the
 * rules across fields that JSON Schema cannot express).
 */
export function validateQuestionnaire(input: unknown): Checked<Questionnaire> {
  const check = new ShapeChecker();
  const root = check.object(input, '', TOP_FIELDS, ['$schema']);
  if (root === null) {
    const found = check.problems[0]?.message ?? 'expected an object, found nothing';
    return { ok: false, problems: [{ path: '', message: `${found} (a questionnaire file holds one JSON object)` }] };
  }
  if (Object.hasOwn(root, '$schema')) check.string(root.$schema, '$schema', LIMITS.schemaReference);
  check.constant(root.kind, 'kind', 'questionnaire');
  check.constant(root.formatVersion, 'formatVersion', 1, 'the version of the file format, not of your questionnaire');
  check.string(root.id, 'id', 64, ID_PATTERN);
  check.integer(root.version, 'version', 1, LIMITS.maxVersion);
  const languages = checkLanguages(check, root.languages);
  const text = (value: unknown, path: string, maxLength: number) => checkText(check, value, path, languages, maxLength);

  text(root.title, 'title', TEXT_LIMITS.name);
  text(root.description, 'description', TEXT_LIMITS.text);
  const poles = check.object(root.poles, 'poles', ['from', 'to']);
  if (poles) {
    text(poles.from, 'poles.from', TEXT_LIMITS.name);
    text(poles.to, 'poles.to', TEXT_LIMITS.name);
  }
  const scale = check.object(root.scale, 'scale', ['points']);
  if (scale) check.constant(scale.points, 'scale.points', SCALE_POINTS, 'Shiftmeter uses a 7-point scale');

  const dimensionIds = new Map<string, number>();
  const dimensions = check.array(root.dimensions, 'dimensions', LIMITS.dimensions.min, LIMITS.dimensions.max);
  dimensions?.forEach((entry, index) => {
    const path = joinPath('dimensions', index);
    const dimension = check.object(entry, path, DIMENSION_FIELDS);
    if (!dimension) return;
    const id = validString(check, () => check.string(dimension.id, joinPath(path, 'id'), 64, ID_PATTERN));
    if (id !== null) {
      if (dimensionIds.has(id)) check.report(joinPath(path, 'id'), `"${id}" is used twice; dimension ids must be unique (first at dimensions[${dimensionIds.get(id)}])`);
      else dimensionIds.set(id, index);
    }
    text(dimension.name, joinPath(path, 'name'), TEXT_LIMITS.name);
    text(dimension.from, joinPath(path, 'from'), TEXT_LIMITS.text);
    text(dimension.to, joinPath(path, 'to'), TEXT_LIMITS.text);
    text(dimension.theory, joinPath(path, 'theory'), TEXT_LIMITS.text);
    const sources = check.array(dimension.sources, joinPath(path, 'sources'), LIMITS.sources.min, LIMITS.sources.max);
    sources?.forEach((source, s) => check.string(source, joinPath(joinPath(path, 'sources'), s), TEXT_LIMITS.source));
  });

  const itemIds = new Map<string, number>();
  const itemsPerDimension = new Map<string, { from: number; to: number; total: number }>();
  const items = check.array(root.items, 'items', LIMITS.items.min, LIMITS.items.max) ?? [];
  items.forEach((entry, index) => {
    const path = joinPath('items', index);
    const item = check.object(entry, path, ITEM_FIELDS);
    if (!item) return;
    const id = validString(check, () => check.string(item.id, joinPath(path, 'id'), 64, ID_PATTERN));
    if (id !== null) {
      if (itemIds.has(id)) check.report(joinPath(path, 'id'), `"${id}" is used twice; item ids must be unique (first at items[${itemIds.get(id)}])`);
      else itemIds.set(id, index);
    }
    const dimension = validString(check, () => check.string(item.dimension, joinPath(path, 'dimension'), 64));
    // Without a list of dimensions there is nothing to look the name up in; that is reported already.
    if (dimension !== null && dimensions !== null && !dimensionIds.has(dimension)) {
      const known = [...dimensionIds.keys()].map((d) => `"${d}"`).join(', ');
      check.report(joinPath(path, 'dimension'), `names the dimension ${quote(dimension)}, which this file does not define; expected one of ${known || '(no valid dimensions defined)'}`);
    }
    const leftPole = check.oneOf(item.leftPole, joinPath(path, 'leftPole'), ['from', 'to'] as const);
    text(item.left, joinPath(path, 'left'), TEXT_LIMITS.statement);
    text(item.right, joinPath(path, 'right'), TEXT_LIMITS.statement);
    if (dimension !== null && dimensionIds.has(dimension)) {
      const counts = itemsPerDimension.get(dimension) ?? { from: 0, to: 0, total: 0 };
      counts.total++;
      if (leftPole !== null) counts[leftPole]++;
      itemsPerDimension.set(dimension, counts);
    }
  });

  for (const [id, index] of dimensionIds) {
    const counts = itemsPerDimension.get(id) ?? { from: 0, to: 0, total: 0 };
    const total = counts.total;
    const path = joinPath('dimensions', index);
    if (total < MIN_ITEMS_PER_DIMENSION) {
      check.report(path, `dimension "${id}" has ${total} item${total === 1 ? '' : 's'}; expected at least ${MIN_ITEMS_PER_DIMENSION} so that its score is reliable`);
    } else if (counts.from + counts.to === total && Math.abs(counts.from - counts.to) > 1) {
      check.report(path, `dimension "${id}" shows the "from" pole on the left in ${counts.from} items and the "to" pole in ${counts.to}; expected the sides to alternate (counts differing by at most 1)`);
    }
  }

  if (check.problems.length > 0) return { ok: false, problems: check.problems };
  return { ok: true, value: root as unknown as Questionnaire };
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
    if (languages.includes(language)) check.report(joinPath('languages', index), `"${language}" is listed twice; expected each language once`);
    else languages.push(language);
  });
  if (!languages.includes('en')) check.report('languages', 'does not include "en"; expected English among the languages');
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
