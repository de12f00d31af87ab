/** A file a person chose or dropped: what the models read of it. */
export interface ChosenFile {
  size: number;
  text(): Promise<string>;
}

export type ChosenFileText = { kind: 'text'; text: string } | { kind: 'too-big' } | { kind: 'unreadable' };

/**
 * Reads a chosen file's text, refusing one larger than `maxBytes` before reading it (a
 * large file is refused without holding it in memory) and saying so when the browser
 * cannot read it (moved, deleted, no permission).
 */
export async function readChosenFile(file: ChosenFile, maxBytes: number): Promise<ChosenFileText> {
  if (file.size > maxBytes) return { kind: 'too-big' };
  try {
    return { kind: 'text', text: await file.text() };
  } catch {
    return { kind: 'unreadable' };
  }
}
