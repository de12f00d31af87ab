import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QUESTIONNAIRE_DIR, readShippedFiles } from '../../scripts/shipped-files.mjs';

export { QUESTIONNAIRE_DIR };

/** The shipped questionnaire files, picked by the same code as build.mjs picks them. */
export function shippedQuestionnaireFiles(): { name: string; path: string; text: string }[] {
  return readShippedFiles('questionnaire').map(({ name, path: file, text }) => ({ name, path: file, text }));
}

export function readSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(QUESTIONNAIRE_DIR, 'schema.json'), 'utf8')) as Record<string, unknown>;
}
