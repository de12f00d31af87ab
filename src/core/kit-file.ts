import { parseJsonSafely } from './safe-json';
import type { Problem } from './problems';
import { isPlainObject } from './shape';
import { validateQuestionnaire } from './questionnaire/validate';
import type { Questionnaire } from './questionnaire/types';

export type KitFile = { kind: 'questionnaire'; questionnaire: Questionnaire };

export type KitFileResult = { ok: true; file: KitFile } | { ok: false; problems: Problem[] };

export const KIT_KINDS = ['questionnaire'] as const;

/** Parses and validates any file the kit reads by its `kind`. */
export function parseKitFile(text: string): KitFileResult {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (isPlainObject(value) && value.kind === 'questionnaire') {
    const checked = validateQuestionnaire(value);
    return checked.ok ? { ok: true, file: { kind: 'questionnaire', questionnaire: checked.value } } : checked;
  }
  if (!isPlainObject(value)) {
    // Reuse the questionnaire validator's wording for the wrong top-level type.
    const checked = validateQuestionnaire(value);
    return checked.ok ? { ok: false, problems: [] } : checked;
  }
  return {
    ok: false,
    problems: [{ path: 'kind', message: `is ${JSON.stringify(value.kind) ?? 'missing'}; expected one of ${KIT_KINDS.map((k) => `"${k}"`).join(', ')}` }],
  };
}

/** The summary `validate --json` prints for a valid file. */
export function kitFileSummary(file: KitFile, name: string) {
  const q = file.questionnaire;
  return {
    file: name,
    kind: file.kind,
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
