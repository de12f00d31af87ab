import { close, closeSync, constants, fstat, fstatSync, open, openSync, read, readSync } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '../core/safe-json';

/** One path the walk found: a file to read, or a named path that cannot be walked. */
export type Found = { source: string; problem?: string };

/** Only regular files are read: a pipe would block the read and a device might never end. */
const NOT_A_FILE = 'is not a regular file';

/**
 * The files named by PATHs: a file as given, a folder walked recursively for *.json
 * files. Each folder's names are sorted, so the order (and so which duplicate counts)
 * does not depend on the file system. Only one folder's names are held at a time.
 * Symbolic links to folders are not followed, so a link loop cannot trap the walk; a
 * *.json entry that is not a regular file itself (a link, a pipe) counts only if the
 * file it names is one.
 */
export async function* findResponseFiles(paths: readonly string[]): AsyncGenerator<Found> {
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      yield { source: given, problem: describeReadError(error) };
      continue;
    }
    if (info.isDirectory()) yield* walk(given);
    else if (!info.isFile()) yield { source: given, problem: NOT_A_FILE };
    else yield { source: given };
  }
}

async function* walk(folder: string): AsyncGenerator<Found> {
  const entries: { name: string; kind: 'folder' | 'file' | 'other' }[] = [];
  try {
    for await (const entry of await opendir(folder, { bufferSize: 256 })) {
      if (entry.isDirectory()) entries.push({ name: entry.name, kind: 'folder' });
      else if (entry.name.endsWith('.json')) entries.push({ name: entry.name, kind: entry.isFile() ? 'file' : 'other' });
    }
  } catch (error) {
    yield { source: folder, problem: describeReadError(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = path.join(folder, entry.name);
    if (entry.kind === 'folder') yield* walk(child);
    else if (entry.kind === 'file') yield { source: child };
    else yield await regularFileAt(child);
  }
}

/** Whether a *.json entry that is no plain file (a link, a pipe) names a regular file; a link to a folder is not walked. */
async function regularFileAt(source: string): Promise<Found> {
  try {
    return (await stat(source)).isFile() ? { source } : { source, problem: NOT_A_FILE };
  } catch (error) {
    return { source, problem: describeReadError(error) };
  }
}

export type Read = { source: string; text: string } | { source: string; problem: string };

export interface ReadOptions {
  maxBytes: number;
  /** Reads in flight at once, once reading goes to the I/O threads. */
  atOnce: number;
  /** A read slower than this (ms) counts as slow storage. */
  slowReadMs?: number;
}

/**
 * Reads the found files in the order found, so the outcome is the same however fast
 * each read is; at most `atOnce` files are in memory. Files start out read on the
 * main thread: from the page cache a small file reads in microseconds, and handing it
 * to an I/O thread cost three times the CPU in measurements over 100,000 files on two
 * cores. When reads turn out slow (a network share, a cold disk), waiting for one
 * file at a time would dominate, so from then on `atOnce` reads run concurrently.
 */
export async function* readInOrder(found: AsyncIterable<Found>, options: ReadOptions): AsyncGenerator<Read> {
  const { maxBytes, atOnce, slowReadMs = 1 } = options;
  const pending: Promise<Read>[] = [];
  let concurrent = slowReadMs <= 0;
  let reads = 0;
  let slowReads = 0;
  for await (const next of found) {
    if (!concurrent) {
      const started = performance.now();
      const read = readOneNow(next, maxBytes);
      if (performance.now() - started > slowReadMs) slowReads++;
      // Judged over a window, so one pause (a busy machine, garbage collection) does not count.
      if (++reads % 128 === 0) {
        concurrent = slowReads > 16;
        slowReads = 0;
      }
      yield read;
      continue;
    }
    pending.push(readOne(next, maxBytes));
    if (pending.length >= atOnce) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

/**
 * A path that was a regular file when walked may be another thing by the time it is
 * opened. Opening a FIFO for reading waits for a writer, so files are opened without
 * waiting (regular files ignore the flag; Windows has neither the flag nor FIFOs to
 * open by path), then the opened descriptor is checked before any read.
 */
const OPEN_WITHOUT_WAITING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

class NotARegularFile extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true });
// Read buffers are reused: a fresh 64 KB buffer per file would churn gigabytes over a large set.
const spareBuffers: Buffer[] = [];

function takeBuffer(size: number): Buffer {
  const spare = spareBuffers.pop();
  return spare && spare.length === size ? spare : Buffer.allocUnsafe(size);
}

function readOneNow(found: Found, maxBytes: number): Read {
  if (found.problem !== undefined) return { source: found.source, problem: found.problem };
  const buffer = takeBuffer(maxBytes + 1);
  try {
    const fd = openSync(found.source, OPEN_WITHOUT_WAITING);
    let length = 0;
    try {
      if (!fstatSync(fd).isFile()) throw new NotARegularFile();
      for (let count = -1; count !== 0 && length <= maxBytes; length += count) count = readSync(fd, buffer, length, maxBytes + 1 - length, length);
    } finally {
      closeSync(fd);
    }
    return decoded(found.source, buffer, length, maxBytes);
  } catch (error) {
    return { source: found.source, problem: describeReadError(error) };
  } finally {
    spareBuffers.push(buffer);
  }
}

async function readOne(found: Found, maxBytes: number): Promise<Read> {
  if (found.problem !== undefined) return { source: found.source, problem: found.problem };
  const buffer = takeBuffer(maxBytes + 1);
  try {
    return decoded(found.source, buffer, await readAtMost(found.source, buffer, maxBytes + 1), maxBytes);
  } catch (error) {
    return { source: found.source, problem: describeReadError(error) };
  } finally {
    spareBuffers.push(buffer);
  }
}

function decoded(source: string, buffer: Buffer, length: number, maxBytes: number): Read {
  if (length > maxBytes) return { source, problem: `is larger than ${formatBytes(maxBytes)}; a response file is much smaller` };
  return { source, text: decoder.decode(buffer.subarray(0, length)) };
}

/**
 * Opens, checks, reads up to `limit` bytes and closes: four trips to the I/O threads,
 * where fs.promises.readFile takes more and was twice as slow over 100,000 small files.
 * Reading one byte past the limit tells an oversized file without a separate stat.
 */
function readAtMost(file: string, buffer: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    open(file, OPEN_WITHOUT_WAITING, (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, length: number) => close(fd, () => (error ? reject(error) : resolve(length)));
      const readFrom = (offset: number) =>
        read(fd, buffer, offset, limit - offset, offset, (readError, count) => {
          if (readError) finish(readError, 0);
          else if (count === 0 || offset + count >= limit) finish(null, offset + count);
          else readFrom(offset + count); // a short read: ask for the rest
        });
      fstat(fd, (statError, info) => {
        if (statError) finish(statError, 0);
        else if (!info.isFile()) finish(new NotARegularFile(), 0);
        else readFrom(0);
      });
    });
  });
}

export function describeReadError(error: unknown): string {
  if (error instanceof NotARegularFile) return NOT_A_FILE;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a folder; expected a file';
  if (error instanceof TypeError) return 'is not UTF-8 text';
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}
