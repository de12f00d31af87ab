import { checkShape, type SchemaNode } from '../formats/check-shape';
import { foundWords } from '../problem-words';
import { joinPath, movedTo, problemOf, type EnglishWords, type Problem, type ProblemParamsOf } from '../problems';
import type { Questionnaire } from '../questionnaire/types';
import { validateQuestionnaire } from '../questionnaire/validate';
import { DEFAULT_JSON_LIMITS, formatBytes, parseJsonSafely } from '../safe-json';
import { found, isPlainObject, quote, ShapeChecker } from '../shape';
import { POLICY_LIMITS, POLICY_SETTINGS, PolicyFormat, type Cadence, type PolicyLanguage, type PolicySetting } from './format';

/** What Shiftmeter does with an organisation's policy, once read and checked. */
export interface OrganisationPolicy {
  /** Valid questionnaires the policy preinstalls, in its order, each with the text it came as. */
  readonly questionnaires: readonly PreinstalledQuestionnaire[];
  /** The interface language until the person chooses one; null: the browser's. */
  readonly defaultLanguage: PolicyLanguage | null;
  /** Questionnaire id → the reminder suggested while the person has chosen none. */
  readonly reminderCadences: Readonly<Record<string, Cadence>>;
  /** No team round may be started with a smaller minimum group; null: Shiftmeter's own lowest. */
  readonly minimumGroupFloor: number | null;
  /** Whether a person may add questionnaires of their own. */
  readonly allowAddingQuestionnaires: boolean;
}

export interface PreinstalledQuestionnaire {
  readonly questionnaire: Questionnaire;
  /** The questionnaire file's text as the policy holds it. */
  readonly text: string;
}

/** No policy: what a browser without one, or with nothing usable in it, gets. */
export const EMPTY_POLICY: OrganisationPolicy = Object.freeze({
  questionnaires: Object.freeze([]),
  defaultLanguage: null,
  reminderCadences: Object.freeze({}),
  minimumGroupFloor: null,
  allowAddingQuestionnaires: true,
});

/** A refused questionnaire's own problems shown under it, at most; its first line says how many there are. */
export const MAX_PROBLEMS_PER_QUESTIONNAIRE = 20;

type PolicyCode = 'not-a-policy' | 'not-a-policy-setting' | 'policy-too-many-questionnaires' | 'policy-questionnaires-too-large'
  | 'policy-questionnaire-refused' | 'policy-questionnaire-twice' | 'policy-unreadable'
  | 'policy-questionnaire-shipped-id' | 'policy-questionnaire-other-content';

/** What is wrong with a policy, in English; the dashboard words it from the same params (`problem.*`). */
const WORDS: EnglishWords<PolicyCode> = {
  'not-a-policy': ({ found, value }) => `expected an object of settings, found ${foundWords(found, value)}; the organisation's policy is ignored`,
  'not-a-policy-setting': ({ known }) => `is not a Shiftmeter policy setting and is ignored; the settings are ${known}`,
  'policy-too-many-questionnaires': ({ count, max }) => `has ${count} questionnaires; the first ${max} are used and the rest ignored`,
  'policy-questionnaires-too-large': ({ size, count }) => `makes the policy's questionnaires larger than ${size} together, so ${count === 1 ? `${count} questionnaire is ignored: this one` : `${count} questionnaires are ignored: this one and those after it`}`,
  'policy-questionnaire-refused': ({ count }) => `is not used: it is not a valid questionnaire (${count} problem${count === 1 ? '' : 's'})`,
  'policy-questionnaire-twice': ({ id, version, first }) => `is ${id} version ${version} again (first at ${first}); it is ignored`,
  'policy-unreadable': () => 'The organisation\'s policy could not be read, so it is not used',
  'policy-questionnaire-shipped-id': ({ id }) => `is not used: ${id} is the id of a questionnaire that comes with Shiftmeter; give the organisation's variant an id of its own`,
  'policy-questionnaire-other-content': ({ id, version }) => `is not used: this browser already has ${id} version ${version} with other content; a changed questionnaire needs a higher version`,
};

/** A problem of the policy found when it is applied in this browser (policy-sync.ts), worded like the rest. */
export function policyProblem<C extends PolicyCode>(path: string, code: C, params: ProblemParamsOf[C]): Problem {
  return problem(path, code, params);
}

function problem<C extends PolicyCode>(path: string, code: C, params: ProblemParamsOf[C]): Problem {
  return problemOf(path, code, params, WORDS[code]);
}

const SETTING_SCHEMAS = (PolicyFormat as unknown as { properties: Readonly<Record<PolicySetting, SchemaNode>> }).properties;

/**
 * Reads an organisation's policy as the browser's managed storage gives it (`null` when
 * there is none) into what Shiftmeter applies, with a problem for each thing it leaves
 * out: a setting it does not know, a value of the wrong kind, a questionnaire that is
 * not valid or over a limit. Each setting stands on its own, so one mistake never costs
 * the rest. Never throws, whatever it is given.
 */
export function readPolicy(raw: unknown): { policy: OrganisationPolicy; problems: Problem[] } {
  try {
    return readSettings(raw);
  } catch {
    // Managed storage holds plain data; only a value built to fail (a throwing getter, a revoked proxy) gets here.
    return { policy: EMPTY_POLICY, problems: [problem('', 'policy-unreadable', {})] };
  }
}

function readSettings(raw: unknown): { policy: OrganisationPolicy; problems: Problem[] } {
  if (raw === null || raw === undefined) return { policy: EMPTY_POLICY, problems: [] };
  if (!isPlainObject(raw)) return { policy: EMPTY_POLICY, problems: [problem('', 'not-a-policy', found(raw))] };
  const problems: Problem[] = [];
  const known = POLICY_SETTINGS as readonly string[];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) problems.push(problem(settingPath(key), 'not-a-policy-setting', { known: known.join(', ') }));
  }
  const has = (setting: PolicySetting) => Object.hasOwn(raw, setting) && raw[setting] !== undefined;
  const policy: OrganisationPolicy = {
    questionnaires: has('preinstalledQuestionnaires') ? readQuestionnaires(raw.preinstalledQuestionnaires, problems) : [],
    defaultLanguage: has('defaultLanguage') ? checked<PolicyLanguage>('defaultLanguage', raw.defaultLanguage, problems) : null,
    reminderCadences: has('reminderCadences') ? readCadences(raw.reminderCadences, problems) : {},
    minimumGroupFloor: has('minimumGroupFloor') ? checked<number>('minimumGroupFloor', raw.minimumGroupFloor, problems) : null,
    allowAddingQuestionnaires: has('allowAddingQuestionnaires') ? checked<boolean>('allowAddingQuestionnaires', raw.allowAddingQuestionnaires, problems) ?? true : true,
  };
  return { policy, problems };
}

/** A setting's value when it has the shape its definition gives, else null and its problems. */
function checked<T>(setting: PolicySetting, value: unknown, problems: Problem[]): T | null {
  const check = new ShapeChecker();
  checkShape(check, SETTING_SCHEMAS[setting], value, setting);
  problems.push(...check.problems);
  return check.problems.length === 0 ? (value as T) : null;
}

/**
 * Each entry parsed with safe-json's limits and checked by the one questionnaire
 * validator. An entry that fails is left out with its problems under its index; so is
 * one whose id and version came earlier in the list.
 */
function readQuestionnaires(value: unknown, problems: Problem[]): PreinstalledQuestionnaire[] {
  const path = 'preinstalledQuestionnaires';
  const check = new ShapeChecker();
  const list = check.array(value, path, 0, Number.MAX_SAFE_INTEGER);
  problems.push(...check.problems);
  if (list === null) return [];
  if (list.length > POLICY_LIMITS.questionnaires) {
    problems.push(problem(path, 'policy-too-many-questionnaires', { count: list.length, max: POLICY_LIMITS.questionnaires }));
  }
  const entries = list.slice(0, POLICY_LIMITS.questionnaires);
  const result: PreinstalledQuestionnaire[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  for (const [index, text] of entries.entries()) {
    const at = joinPath(path, index);
    if (typeof text !== 'string') {
      const wrong = new ShapeChecker();
      wrong.problem(at, 'expected-type', { types: 'string', ...found(text) });
      problems.push(...wrong.problems);
      continue;
    }
    total += utf8Bytes(text, POLICY_LIMITS.totalQuestionnaireBytes + 1);
    if (total > POLICY_LIMITS.totalQuestionnaireBytes) {
      problems.push(problem(at, 'policy-questionnaires-too-large', { size: formatBytes(POLICY_LIMITS.totalQuestionnaireBytes), count: entries.length - index }));
      break;
    }
    const parsed = parseJsonSafely(text, { maxBytes: POLICY_LIMITS.questionnaireBytes, maxDepth: DEFAULT_JSON_LIMITS.maxDepth });
    const validated = parsed.ok ? validateQuestionnaire(parsed.value) : parsed;
    if (!validated.ok) {
      problems.push(problem(at, 'policy-questionnaire-refused', { count: validated.problems.length }));
      problems.push(...validated.problems.slice(0, MAX_PROBLEMS_PER_QUESTIONNAIRE).map((inner) => movedTo(inner, under(at, inner.path))));
      continue;
    }
    const { id, version } = validated.value;
    const key = `${id}@${version}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem(at, 'policy-questionnaire-twice', { id: quote(id), version, first }));
      continue;
    }
    seen.set(key, at);
    result.push({ questionnaire: validated.value, text });
  }
  return result;
}

/** Each entry on its own: one with an id that is not an id, or a cadence that is not one, is left out. */
function readCadences(value: unknown, problems: Problem[]): Record<string, Cadence> {
  const path = 'reminderCadences';
  const schema = SETTING_SCHEMAS.reminderCadences;
  const check = new ShapeChecker();
  if (!isPlainObject(value)) {
    check.problem(path, 'expected-type', { types: 'object', ...found(value) });
    problems.push(...check.problems);
    return {};
  }
  const keys = Object.keys(value);
  if (keys.length > POLICY_LIMITS.reminderCadences) {
    check.problem(path, 'too-many', { count: keys.length, max: POLICY_LIMITS.reminderCadences });
  }
  // No prototype: looking up an id such as "constructor" finds only what the policy set.
  const cadences: Record<string, Cadence> = Object.create(null) as Record<string, Cadence>;
  for (const key of keys.slice(0, POLICY_LIMITS.reminderCadences)) {
    const before = check.problems.length;
    // The map's own check, one entry at a time: its key against the id pattern, its value against the cadences.
    checkShape(check, schema, { [key]: value[key] }, path);
    // An entry whose value is undefined is absent: parsed JSON and managed storage never hold one.
    if (check.problems.length === before && value[key] !== undefined) cadences[key] = value[key] as Cadence;
  }
  problems.push(...check.problems);
  return cadences;
}

/** A questionnaire's place under the entry it came in: `preinstalledQuestionnaires[2].items[4].left`. */
function under(base: string, path: string): string {
  return path === '' ? base : path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}

/** The path of a top-level key as the policy has it: `name`, or `["odd name"]`. */
function settingPath(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) && key.length <= 64 ? key : `[${quote(key)}]`;
}

/** The UTF-8 length of a text, counting no further than `stopAfter`. */
function utf8Bytes(text: string, stopAfter: number): number {
  if (text.length > stopAfter) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
