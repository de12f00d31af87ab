// A small ZIP writer and reader for the release packages, written here rather than
// taken from a dependency because every byte of a package must follow from its files
// alone: entries sorted by name, one fixed time, mode 0644, no extra fields, no
// directory entries, no comment. DEFLATE comes from node:zlib, CRC-32 from the one
// src/core uses for team codes. The reader is what release:check opens the packages with:
// it checks each entry's CRC and size and refuses what the writer never makes.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/core/round/crc32';

export interface ZipInput {
  /** '/'-separated, relative, as it will be unpacked */
  readonly name: string;
  readonly data: Uint8Array;
}

export interface ZipEntry extends ZipInput {
  readonly data: Buffer;
  readonly method: number;
  /** Unix permission bits from the central directory (0 when the archive is not from Unix) */
  readonly mode: number;
  /** seconds since 1970 in UTC, as the DOS time and date say it */
  readonly time: number;
  readonly compressedSize: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** bit 11: names are UTF-8 */
const UTF8 = 0x0800;
/** made by Unix (3), ZIP 2.0, so that unzip reads the permission bits */
const MADE_BY = (3 << 8) | 20;
const FILE_MODE = 0o100644;
/** 1980-01-01T00:00:00Z: the earliest time a ZIP entry can hold */
export const ZIP_EPOCH = 315532800;

/** The DOS time and date of `seconds` (UTC), clamped to 1980–2107, to even seconds. */
export function dosDateTime(seconds: number): { time: number; date: number } {
  const clamped = Math.min(Math.max(Math.floor(seconds), ZIP_EPOCH), 4354819198);
  const d = new Date(clamped * 1000);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function fromDosDateTime(time: number, date: number): number {
  return Date.UTC((date >> 9) + 1980, ((date >> 5) & 0xf) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2) / 1000;
}

/** Why a name cannot go into a package, or undefined when it can. */
export function unsafeName(name: string): string | undefined {
  if (name === '') return 'an empty name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.includes('\\')) return 'a backslash';
  if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'a "..", "." or empty path segment';
  if (name.endsWith('/')) return 'a directory entry';
  return undefined;
}

/** Names in the order the writer puts them: by their UTF-8 bytes. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The archive of `files`, the same bytes for the same files and time on any machine
 * with the same zlib: sorted by name, each at `time` (seconds since 1970, UTC), 0644.
 * A file that DEFLATE does not make smaller (the PNG icons) is stored.
 */
export function writeZip(files: readonly ZipInput[], time: number): Buffer {
  const sorted = [...files].sort((a, b) => compareNames(a.name, b.name));
  const { time: dosTime, date: dosDate } = dosDateTime(time);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [index, file] of sorted.entries()) {
    const problem = unsafeName(file.name);
    if (problem) throw new Error(`${JSON.stringify(file.name)}: ${problem}`);
    if (index > 0 && sorted[index - 1]!.name === file.name) throw new Error(`${file.name}: twice in one archive`);
    const name = Buffer.from(file.name, 'utf8');
    const deflated = deflateRawSync(file.data, { level: 9 });
    const method = deflated.length < file.data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : Buffer.from(file.data);
    const crc = crc32(file.data);
    if (file.data.length > 0xfffffffe || offset > 0xfffffffe) throw new Error(`${file.name}: too large for a ZIP without ZIP64`);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(MADE_BY, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra field, comment, disk number and internal attributes stay 0
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  if (sorted.length > 0xffff) throw new Error('too many files for a ZIP without ZIP64');
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * The entries of a ZIP archive, in the order of its central directory, each checked
 * against its CRC-32 and size. Throws on what a package must not hold or this reader
 * cannot vouch for: encryption, ZIP64, methods other than stored and DEFLATE, a local
 * header that disagrees with the directory, an unsafe or repeated name.
 */
export function readZip(zip: Buffer): ZipEntry[] {
  const endAt = findEnd(zip);
  const count = zip.readUInt16LE(endAt + 10);
  const directorySize = zip.readUInt32LE(endAt + 12);
  let at = zip.readUInt32LE(endAt + 16);
  if (count === 0xffff || at === 0xffffffff || at + directorySize > endAt) throw new Error('a ZIP64 or damaged central directory');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`entry ${i + 1}: no central directory header where one should be`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const time = fromDosDateTime(zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14));
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const madeByUnix = zip.readUInt8(at + 5) === 3;
    const external = zip.readUInt32LE(at + 38);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw new Error(`${name}: encrypted`);
    const problem = unsafeName(name);
    if (problem) throw new Error(`${JSON.stringify(name)}: ${problem}`);
    if (seen.has(name)) throw new Error(`${name}: twice in one archive`);
    seen.add(name);
    if (zip.readUInt32LE(localAt) !== LOCAL) throw new Error(`${name}: no local header at its offset`);
    const localNameLength = zip.readUInt16LE(localAt + 26);
    const localExtraLength = zip.readUInt16LE(localAt + 28);
    if (zip.subarray(localAt + 30, localAt + 30 + localNameLength).toString('utf8') !== name) throw new Error(`${name}: the local header names another file`);
    const start = localAt + 30 + localNameLength + localExtraLength;
    const body = zip.subarray(start, start + compressedSize);
    let data: Buffer;
    if (method === STORED) data = Buffer.from(body);
    else if (method === DEFLATED) data = inflateRawSync(body);
    else throw new Error(`${name}: compression method ${method}, not stored or DEFLATE`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    entries.push({ name, data, method, mode: madeByUnix ? (external >>> 16) & 0o7777 : 0, time, compressedSize });
  }
  return entries;
}

function findEnd(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END) return at;
  }
  throw new Error('not a ZIP archive (no end of central directory)');
}
