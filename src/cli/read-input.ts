import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_JSON_LIMITS, formatBytes } from '../core/safe-json';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a text file, refusing one over the size limit before reading it into memory. */
export async function readLimitedText(file: string, maxBytes = DEFAULT_JSON_LIMITS.maxBytes): Promise<ReadResult> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, message: 'is a folder; expected a file' };
    if (info.size > maxBytes) return { ok: false, message: `is ${formatBytes(info.size)}, larger than ${formatBytes(maxBytes)}; expected a file of at most that size` };
    const buffer = await readFile(file);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    return { ok: true, text };
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (error instanceof TypeError) return 'is not UTF-8 text';
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}
