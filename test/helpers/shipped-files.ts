import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUESTIONNAIRE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../questionnaires');

/**
 * The shipped questionnaire files, picked as build.mjs picks them: questionnaires/*.json
 * but the schemas and the lock, and only those of kind "questionnaire" (course packs
 * live in the same folder).
 */
export function shippedQuestionnaireFiles(): { name: string; path: string; text: string }[] {
  return readdirSync(QUESTIONNAIRE_DIR)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json' && name !== 'lock.json' && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => {
      const file = path.join(QUESTIONNAIRE_DIR, name);
      return { name, path: file, text: readFileSync(file, 'utf8') };
    })
    .filter(({ text }) => (JSON.parse(text) as { kind?: unknown }).kind === 'questionnaire');
}

export function readSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(QUESTIONNAIRE_DIR, 'schema.json'), 'utf8')) as Record<string, unknown>;
}
