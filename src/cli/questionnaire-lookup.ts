import { existsSync } from 'node:fs';
import { parseKitFile } from '../core/kit-file';
import { describeProblem } from '../core/problems';
import { ID_PATTERN, type Questionnaire } from '../core/questionnaire/types';
import { readLimitedText } from './read-input';
import { findShippedFile } from './shipped';

export type Lookup = { ok: true; questionnaire: Questionnaire; file: string } | { ok: false; messages: string[] };

/**
 * A questionnaire named on the command line: a file (a questionnaire or a course pack),
 * the id of a shipped one, or `id@version` for an earlier version Shiftmeter keeps.
 */
export async function lookUpQuestionnaire(target: string): Promise<Lookup> {
  const [id, version] = target.split('@') as [string, string | undefined];
  if (!existsSync(target) && ID_PATTERN.regex.test(id) && (version === undefined || /^[1-9]\d{0,6}$/.test(version))) {
    const found = await findShippedFile(id, idAndVersion, version === undefined ? undefined : Number(version));
    if (!found) {
      return { ok: false, messages: [version === undefined ? `${target}: no such file, and no shipped questionnaire has this id` : `${target}: no such file, and Shiftmeter keeps no version ${version} of "${id}"`] };
    }
    target = found;
  }
  const read = await readLimitedText(target);
  if (!read.ok) return { ok: false, messages: [`${target}: ${read.message}`] };
  const parsed = parseKitFile(read.text);
  if (!parsed.ok) return { ok: false, messages: parsed.problems.map((problem) => `${target}: ${describeProblem(problem)}`) };
  if (parsed.file.kind === 'course-pack') {
    // A class pools its answers to the pack's questionnaire, as a team pools a round.
    const inner = parsed.file.pack.questionnaire;
    if (typeof inner !== 'string') return { ok: true, questionnaire: inner, file: target };
    const shipped = await shippedQuestionnaire(inner);
    if (shipped) return { ok: true, questionnaire: shipped, file: target };
    return { ok: false, messages: [`${target}: the course pack names the questionnaire "${inner}", which the kit does not ship`] };
  }
  return { ok: true, questionnaire: parsed.file.questionnaire, file: target };
}

/** The shipped questionnaire with this id (in this version, an earlier one included, when given), or null. */
export async function shippedQuestionnaire(id: string, version?: number): Promise<Questionnaire | null> {
  const found = await findShippedFile(id, idAndVersion, version);
  return found ? readQuestionnaire(found) : null;
}

async function idAndVersion(file: string): Promise<{ id: string; version: number } | null> {
  const questionnaire = await readQuestionnaire(file);
  return questionnaire ? { id: questionnaire.id, version: questionnaire.version } : null;
}

async function readQuestionnaire(file: string): Promise<Questionnaire | null> {
  const read = await readLimitedText(file);
  const parsed = read.ok ? parseKitFile(read.text) : null;
  return parsed?.ok && parsed.file.kind === 'questionnaire' ? parsed.file.questionnaire : null;
}
