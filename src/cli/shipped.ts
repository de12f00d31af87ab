import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped questionnaires folder: dist/cli/../../questionnaires, or src/cli/../../ in tests. */
export function shippedFolder(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../questionnaires');
}

/**
 * The path of a shipped questionnaire file, found by the id (and version) inside it: the
 * current version in questionnaires/, or, when a version is asked for, an earlier one
 * kept in questionnaires/earlier/ for the sittings and rounds answered on it.
 */
export async function findShippedFile(id: string, readIdAndVersion: (file: string) => Promise<{ id: string; version: number } | null>, version?: number): Promise<string | null> {
  for (const folder of [shippedFolder(), path.join(shippedFolder(), 'earlier')]) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(folder, name);
      const found = await readIdAndVersion(file);
      if (found?.id === id && (version === undefined || found.version === version)) return file;
    }
    if (version === undefined) return null; // without a version, only the current one
  }
  return null;
}
