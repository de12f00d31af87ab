import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped questionnaires folder: dist/cli/../../questionnaires, or src/cli/../../ in tests. */
export function shippedFolder(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../questionnaires');
}

/** The path of a shipped questionnaire file, found by the id inside it. */
export async function findShippedFile(id: string, readId: (file: string) => Promise<string | null>): Promise<string | null> {
  const folder = shippedFolder();
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return null;
  }
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(folder, name);
    if ((await readId(file)) === id) return file;
  }
  return null;
}
