import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { DEFAULT_JSON_LIMITS, formatBytes } from '../core/safe-json';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads a UTF-8 text file, never holding more than `maxBytes` + 1 bytes: the size is
 * checked before reading and again while reading, since a device or a growing file
 * can report a size it does not keep to. A byte order mark is left in the text for
 * the core's JSON reader, which strips one (the extension reads files the same way).
 */
export async function readLimitedText(file: string, maxBytes = DEFAULT_JSON_LIMITS.maxBytes): Promise<ReadResult> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, message: 'is a folder; expected a file' };
    // A pipe or device would block the read or never end.
    if (!info.isFile()) return NOT_A_FILE;
    if (info.size > maxBytes) return tooLarge(maxBytes, info.size);
    const buffer = await readAtMost(file, maxBytes + 1);
    if (buffer.length > maxBytes) return tooLarge(maxBytes);
    if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
      return { ok: false, message: 'is UTF-16 text; expected UTF-8 (save the file as UTF-8 in your editor)' };
    }
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
    return { ok: true, text };
  } catch (error) {
    return error instanceof NotARegularFile ? NOT_A_FILE : { ok: false, message: describeFsError(error) };
  }
}

class NotARegularFile extends Error {}

const NOT_A_FILE: ReadResult = { ok: false, message: 'is not a regular file; expected a file' };

/** Opened without waiting, and checked once open, so a file swapped for a pipe after `stat` cannot block. */
async function readAtMost(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) throw new NotARegularFile();
    const buffer = Buffer.alloc(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await handle.read(buffer, filled, limit - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function tooLarge(maxBytes: number, size?: number): ReadResult {
  const actual = size === undefined ? 'is' : `is ${formatBytes(size)},`;
  return { ok: false, message: `${actual} larger than ${formatBytes(maxBytes)}; expected a file of at most that size` };
}

function startsWith(buffer: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((byte, i) => buffer[i] === byte);
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'does not exist; expected the path of a file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied); expected a readable file';
  if (code === 'EISDIR') return 'is a folder; expected a file';
  if (error instanceof TypeError) return 'is not UTF-8 text; expected a JSON file saved as UTF-8';
  const detail = error instanceof Error ? error.message : String(error);
  return `cannot be read (${code ?? detail.replace(/[\u0000-\u001f]/g, ' ')}); expected a readable file`;
}
