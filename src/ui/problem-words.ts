import type { ConstantReason, EntryNoun, JsonExpected, JsonFound, PatternName, Problem, ProblemParams, TypeName, ValueKind } from '../core/problems';
import type { Params, Translate } from './i18n/translator';

/**
 * A validator's problem in the interface language: the place in the file as it is,
 * then what is wrong, in the words of `problem.<code>` with the values the file holds.
 * A problem with no structured form keeps its English message.
 */
export function describeProblemIn(t: Translate, problem: Problem): string {
  const text = problem.code === undefined ? problem.message : t(`problem.${problem.code}`, wordsOf(t, problem.params ?? {}));
  return problem.path === '' ? text : `${problem.path}: ${text}`;
}

/**
 * The params as the message takes them: where a param names a kind of words (what a
 * found value is, which type or pattern was expected, why), those words in the
 * interface language; counts, limits, ids and quoted values as they are.
 */
function wordsOf(t: Translate, params: ProblemParams): Params {
  const words: Record<string, string | number> = { ...params };
  const value = String(params.value ?? '');
  if (params.found !== undefined) words.found = t(`problem.found.${params.found as ValueKind}`, { value });
  if (params.actual !== undefined) words.actual = t(`problem.actual.${params.actual as ValueKind}`, { value });
  if (params.types !== undefined) {
    words.types = String(params.types).split('|').map((type) => t(`problem.type.${type as TypeName}`)).reduce((first, second) => t('problem.typeOr', { first, second }));
  }
  if (params.pattern !== undefined) words.pattern = t(`problem.pattern.${params.pattern as PatternName}`);
  if (params.reason !== undefined) words.reason = t(`problem.reason.${params.reason as ConstantReason}`);
  if (params.noun !== undefined) words.noun = t(`problem.noun.${params.noun as EntryNoun}`, { count: params.min ?? 0 });
  if (params.jsonFound !== undefined) words.jsonFound = t(`problem.jsonFound.${params.jsonFound as JsonFound}`, { text: params.text ?? '' });
  if (params.jsonExpected !== undefined) words.jsonExpected = t(`problem.jsonExpected.${params.jsonExpected as JsonExpected}`, { close: params.close ?? '' });
  return words;
}
