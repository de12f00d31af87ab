import { parseJsonSafely } from './safe-json';
import type { Problem } from './problems';
import { describeValue, isPlainObject } from './shape';
import { validateQuestionnaire } from './questionnaire/validate';
import type { Questionnaire } from './questionnaire/types';
import type { CoursePack } from './pack/types';
import { validateCoursePack } from './pack/validate-pack';

export type KitFile = { kind: 'questionnaire'; questionnaire: Questionnaire } | { kind: 'course-pack'; pack: CoursePack };

export type KitFileResult = { ok: true; file: KitFile } | { ok: false; problems: Problem[] };

export const KIT_KINDS = ['questionnaire', 'course-pack'] as const;

/** Parses and validates any file the kit reads by its `kind`. */
export function parseKitFile(text: string): KitFileResult {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (isPlainObject(value) && value.kind === 'questionnaire') {
    const checked = validateQuestionnaire(value);
    return checked.ok ? { ok: true, file: { kind: 'questionnaire', questionnaire: checked.value } } : checked;
  }
  if (isPlainObject(value) && value.kind === 'course-pack') {
    const checked = validateCoursePack(value);
    return checked.ok ? { ok: true, file: { kind: 'course-pack', pack: checked.value } } : checked;
  }
  if (!isPlainObject(value)) {
    // Reuse the questionnaire validator's wording for the wrong top-level type.
    const checked = validateQuestionnaire(value);
    return checked.ok ? { ok: false, problems: [] } : checked;
  }
  const found = Object.hasOwn(value, 'kind') ? `is ${describeValue(value.kind)}` : 'is missing';
  return {
    ok: false,
    problems: [{ path: 'kind', message: `${found}; expected one of ${KIT_KINDS.map((k) => `"${k}"`).join(', ')} (says what the file is)` }],
  };
}

/** The summary `validate --json` prints for a valid file. */
export function kitFileSummary(file: KitFile, name: string) {
  if (file.kind === 'course-pack') {
    const pack = file.pack;
    return {
      file: name, kind: file.kind, id: pack.id, version: pack.version, languages: [...pack.languages],
      from: pack.poles.from.en ?? '', to: pack.poles.to.en ?? '',
      questionnaire: typeof pack.questionnaire === 'string' ? pack.questionnaire : pack.questionnaire.id,
      exercises: pack.exercises.map((exercise) => ({ id: exercise.id, kind: exercise.kind })),
      dimensions: typeof pack.questionnaire === 'string' ? [] : summarizeDimensions(pack.questionnaire),
    };
  }
  return { ...questionnaireSummary(file.questionnaire, name) };
}

function summarizeDimensions(q: Questionnaire) {
  return q.dimensions.map((dimension) => ({
    id: dimension.id,
    items: q.items.filter((item) => item.dimension === dimension.id).map((item) => item.id),
  }));
}

function questionnaireSummary(q: Questionnaire, name: string) {
  return {
    file: name,
    kind: 'questionnaire' as const,
    id: q.id,
    version: q.version,
    languages: [...q.languages],
    from: q.poles.from.en,
    to: q.poles.to.en,
    dimensions: q.dimensions.map((dimension) => ({
      id: dimension.id,
      items: q.items.filter((item) => item.dimension === dimension.id).map((item) => item.id),
    })),
  };
}
