import { checkShape } from '../formats/check-shape';
import type { Checked, EnglishWords, ProblemParamsOf } from '../problems';
import { joinPath, movedTo, problemOf } from '../problems';
import { ID_PATTERN } from '../questionnaire/types';
import { fileRules, validateQuestionnaire } from '../questionnaire/validate';
import { isPlainObject, ShapeChecker } from '../shape';
import { CoursePackFormat } from './format';
import type { CoursePack } from './types';

type PackCode = 'duplicate-pack-id' | 'one-pole-only' | 'best-count';

/** The rules across fields, in English; the dashboard words them from the same params (`problem.*`). */
const WORDS: EnglishWords<PackCode> = {
  'duplicate-pack-id': ({ id, first }) => `${id} is used twice; expected ids unique in the pack (first at ${first})`,
  'one-pole-only': () => 'all belong to one pole; expected statements of both poles',
  'best-count': ({ count }) => `mark ${count} options as best; expected exactly one with "best": true`,
};

function report<C extends PackCode>(check: ShapeChecker, path: string, code: C, params: ProblemParamsOf[C]): void {
  check.add(problemOf(path, code, params, WORDS[code]));
}

/**
 * The one validator of course packs, used by the kit and by the dashboard when a
 * teacher loads a pack: every problem with the place in the file and what was
 * expected. The shape comes from the format's definition (`./format.ts`); this adds
 * the rules across fields.
 */
export function validateCoursePack(input: unknown): Checked<CoursePack> {
  const check = new ShapeChecker();
  checkShape(check, CoursePackFormat, input, '', {
    ...fileRules(check),
    // A whole questionnaire inside a pack is checked as a questionnaire file, in its own languages.
    questionnaire: (value, path) => {
      if (value === undefined) return;
      if (typeof value === 'string') return void check.string(value, path, 64, ID_PATTERN);
      const inline = validateQuestionnaire(value);
      if (!inline.ok) for (const p of inline.problems) check.add(movedTo(p, p.path === '' ? path : `${path}.${p.path}`));
    },
  });
  if (isPlainObject(input)) checkAcrossFields(check, input);
  return check.problems.length > 0 ? { ok: false, problems: check.problems } : { ok: true, value: input as unknown as CoursePack };
}

/** Ids unique in the whole pack; sort exercises with both poles; exactly one best option. */
function checkAcrossFields(check: ShapeChecker, root: Record<string, unknown>): void {
  const ids = new Map<string, string>();
  const uniqueId = (entry: unknown, path: string) => {
    if (!isPlainObject(entry) || typeof entry.id !== 'string' || !ID_PATTERN.regex.test(entry.id)) return;
    const idPath = joinPath(path, 'id');
    if (ids.has(entry.id)) report(check, idPath, 'duplicate-pack-id', { id: `"${entry.id}"`, first: ids.get(entry.id)! });
    else ids.set(entry.id, idPath);
  };
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

  list(root.exercises).forEach((exercise, index) => {
    const path = joinPath('exercises', index);
    uniqueId(exercise, path);
    if (!isPlainObject(exercise)) return;
    if (exercise.kind === 'sort') {
      const statements = list(exercise.statements);
      statements.forEach((statement, s) => uniqueId(statement, joinPath(joinPath(path, 'statements'), s)));
      const poles = new Set(statements.map((statement) => (isPlainObject(statement) ? statement.pole : null)).filter((pole) => pole === 'from' || pole === 'to'));
      if (statements.length >= 4 && poles.size === 1) report(check, joinPath(path, 'statements'), 'one-pole-only', {});
    } else if (exercise.kind === 'choose') {
      const options = list(exercise.options);
      options.forEach((option, o) => uniqueId(option, joinPath(joinPath(path, 'options'), o)));
      const best = options.filter((option) => isPlainObject(option) && option.best === true).length;
      if (options.length >= 2 && best !== 1) report(check, joinPath(path, 'options'), 'best-count', { count: best });
    }
  });
  list(root.reflections).forEach((reflection, index) => uniqueId(reflection, joinPath('reflections', index)));
}
