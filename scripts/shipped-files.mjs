// Which files in questionnaires/ Shiftmeter ships, in one place for the build, the lock
// script and the tests: every *.json but the schemas and the lock file, sorted by name,
// each of the kind it declares ("questionnaire" or "course-pack"; both live together).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUESTIONNAIRE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../questionnaires');
/**
 * Earlier versions of shipped questionnaires, kept so that sittings and team rounds
 * answered on them still open, score and chart: `<id>.v<version>.json`, never offered
 * for a new self-assessment. Locked like the current ones.
 */
export const EARLIER_DIR = path.join(QUESTIONNAIRE_DIR, 'earlier');

/** @param {string} name */
export function isContentFileName(name) {
  return name.endsWith('.json') && name !== 'lock.json' && name !== 'schema.json' && !name.endsWith('.schema.json');
}

/**
 * The shipped files of one kind, read and parsed (a byte order mark is dropped).
 * @param {'questionnaire' | 'course-pack'} kind
 * @param {string} [dir]
 * @returns {{ name: string, path: string, text: string, data: any }[]}
 */
export function readShippedFiles(kind, dir = QUESTIONNAIRE_DIR) {
  return readdirSync(dir)
    .filter(isContentFileName)
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      return { name, path: file, text, data: JSON.parse(text) };
    })
    .filter(({ data }) => data?.kind === kind);
}

/**
 * The earlier versions of shipped questionnaires (see EARLIER_DIR); none when the folder is absent.
 * @param {string} [dir]
 */
export function readEarlierQuestionnaires(dir = EARLIER_DIR) {
  try {
    return readShippedFiles('questionnaire', dir);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}
