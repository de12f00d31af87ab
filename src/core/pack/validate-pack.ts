import type { Checked } from '../problems';
import { joinPath } from '../problems';
import { ShapeChecker } from '../shape';
import { ID_PATTERN, type Pole } from '../questionnaire/types';
import { checkLanguages, checkText, validateQuestionnaire } from '../questionnaire/validate';
import { PACK_LIMITS, type CoursePack } from './types';

const TOP = ['kind', 'formatVersion', 'id', 'version', 'languages', 'title', 'description', 'poles', 'goals', 'case', 'exercises', 'questionnaire', 'reflections', 'debrief', 'sources'] as const;
const KINDS = ['sort', 'choose', 'place'] as const;

/**
 * The one validator of course packs, used by the kit and by the dashboard when a
 * teacher loads a pack: every problem with the place in the file and what was expected.
 */
export function validateCoursePack(input: unknown): Checked<CoursePack> {
  const check = new ShapeChecker();
  const root = check.object(input, '', TOP, ['$schema']);
  if (!root) return { ok: false, problems: check.problems };
  check.constant(root.kind, 'kind', 'course-pack');
  check.constant(root.formatVersion, 'formatVersion', 1);
  check.string(root.id, 'id', 64, ID_PATTERN);
  check.integer(root.version, 'version', 1, 1_000_000);
  const languages = checkLanguages(check, root.languages);
  const text = (value: unknown, path: string, max: number) => checkText(check, value, path, languages, max);
  const ids = new Map<string, string>();
  const uniqueId = (value: unknown, path: string) => {
    const id = check.string(value, path, 64, ID_PATTERN);
    if (id === null || !ID_PATTERN.regex.test(id)) return;
    if (ids.has(id)) check.report(path, `"${id}" is used twice; expected ids unique in the pack (first at ${ids.get(id)})`);
    else ids.set(id, path);
  };
  const sources = (value: unknown, path: string) => check.array(value, path, 1, 10)?.forEach((s, i) => check.string(s, joinPath(path, i), PACK_LIMITS.source));

  text(root.title, 'title', PACK_LIMITS.title);
  text(root.description, 'description', PACK_LIMITS.short);
  const poles = check.object(root.poles, 'poles', ['from', 'to']);
  if (poles) {
    text(poles.from, 'poles.from', PACK_LIMITS.title);
    text(poles.to, 'poles.to', PACK_LIMITS.title);
  }
  check.array(root.goals, 'goals', 2, 6)?.forEach((goal, i) => text(goal, joinPath('goals', i), PACK_LIMITS.short));
  const theCase = check.object(root.case, 'case', ['title', 'text']);
  if (theCase) {
    text(theCase.title, 'case.title', PACK_LIMITS.title);
    text(theCase.text, 'case.text', PACK_LIMITS.essay);
  }
  check.array(root.exercises, 'exercises', 3, 12)?.forEach((entry, index) => {
    const path = joinPath('exercises', index);
    const kind = check.object(entry, path, ['id', 'kind'], ['title', 'prompt', 'sources', 'statements', 'aim', 'options', 'practice', 'expert']) ? check.oneOf((entry as Record<string, unknown>).kind, joinPath(path, 'kind'), KINDS) : null;
    if (!kind) return;
    const required = kind === 'sort' ? ['statements'] : kind === 'choose' ? ['aim', 'options'] : ['practice', 'expert'];
    const exercise = check.object(entry, path, ['id', 'kind', 'title', 'prompt', 'sources', ...required]);
    if (!exercise) return;
    uniqueId(exercise.id, joinPath(path, 'id'));
    text(exercise.title, joinPath(path, 'title'), PACK_LIMITS.title);
    text(exercise.prompt, joinPath(path, 'prompt'), PACK_LIMITS.short);
    sources(exercise.sources, joinPath(path, 'sources'));
    if (kind === 'sort') {
      const poles = new Set<Pole>();
      check.array(exercise.statements, joinPath(path, 'statements'), 4, 10)?.forEach((s, i) => {
        const sPath = joinPath(joinPath(path, 'statements'), i);
        const statement = check.object(s, sPath, ['id', 'text', 'pole', 'feedback']);
        if (!statement) return;
        uniqueId(statement.id, joinPath(sPath, 'id'));
        text(statement.text, joinPath(sPath, 'text'), PACK_LIMITS.short);
        const pole = check.oneOf(statement.pole, joinPath(sPath, 'pole'), ['from', 'to'] as const);
        if (pole) poles.add(pole);
        text(statement.feedback, joinPath(sPath, 'feedback'), PACK_LIMITS.long);
      });
      if (Array.isArray(exercise.statements) && exercise.statements.length >= 4 && poles.size === 1) {
        check.report(joinPath(path, 'statements'), 'all belong to one pole; expected statements of both poles');
      }
    } else if (kind === 'choose') {
      text(exercise.aim, joinPath(path, 'aim'), PACK_LIMITS.short);
      let best = 0;
      const options = check.array(exercise.options, joinPath(path, 'options'), 2, 4);
      options?.forEach((o, i) => {
        const oPath = joinPath(joinPath(path, 'options'), i);
        const option = check.object(o, oPath, ['id', 'text', 'best', 'feedback']);
        if (!option) return;
        uniqueId(option.id, joinPath(oPath, 'id'));
        text(option.text, joinPath(oPath, 'text'), PACK_LIMITS.short);
        if (typeof option.best !== 'boolean') check.report(joinPath(oPath, 'best'), 'expected true or false');
        else if (option.best) best++;
        text(option.feedback, joinPath(oPath, 'feedback'), PACK_LIMITS.long);
      });
      if (options && options.length >= 2 && best !== 1) check.report(joinPath(path, 'options'), `mark ${best} options as best; expected exactly one with "best": true`);
    } else {
      text(exercise.practice, joinPath(path, 'practice'), PACK_LIMITS.long);
      const expert = check.object(exercise.expert, joinPath(path, 'expert'), ['position', 'reasoning']);
      if (expert) {
        check.integer(expert.position, joinPath(path, 'expert.position'), 1, 7);
        text(expert.reasoning, joinPath(path, 'expert.reasoning'), PACK_LIMITS.long);
      }
    }
  });
  if (typeof root.questionnaire === 'string') check.string(root.questionnaire, 'questionnaire', 64, ID_PATTERN);
  // Absent, it is already reported as a missing field of the pack.
  else if (root.questionnaire !== undefined) {
    const inline = validateQuestionnaire(root.questionnaire);
    if (!inline.ok) for (const p of inline.problems) check.report(p.path === '' ? 'questionnaire' : `questionnaire.${p.path}`, p.message);
  }
  check.array(root.reflections, 'reflections', 1, 6)?.forEach((r, i) => {
    const rPath = joinPath('reflections', i);
    const reflection = check.object(r, rPath, ['id', 'prompt']);
    if (!reflection) return;
    uniqueId(reflection.id, joinPath(rPath, 'id'));
    text(reflection.prompt, joinPath(rPath, 'prompt'), PACK_LIMITS.short);
  });
  text(root.debrief, 'debrief', PACK_LIMITS.essay);
  sources(root.sources, 'sources');
  return check.problems.length > 0 ? { ok: false, problems: check.problems } : { ok: true, value: root as unknown as CoursePack };
}
