import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/core/round/crc32';
import { dosDateTime, readZip, writeZip, ZIP_EPOCH } from '../../scripts/release/zip';

// The release packages' ZIP writer (scripts/release/zip.ts): the same files and time give
// the same bytes whatever order they come in, and what it writes reads back exactly,
// sorted, at one time, mode 644. unzip and Python's zipfile read its packages too (checked
// by hand); release:check opens the packages with readZip.

const TIME = Date.UTC(2026, 11, 2, 11, 40, 9) / 1000;
const files = [
  { name: 'popup.js', data: Buffer.from('export const a = 1;\n'.repeat(200)) },
  { name: 'icons/icon-16.png', data: randomBytes(600) },
  { name: '_locales/sv/messages.json', data: Buffer.from('{"extName":{"message":"Shiftmeter – självskattning"}}') },
  { name: 'chunks/empty.js', data: Buffer.alloc(0) },
  { name: 'Ö/å.txt', data: Buffer.from('non-ASCII name') },
];

describe('writeZip', () => {
  it('writes the same bytes for the same files and time, in any order', () => {
    expect(writeZip([...files].reverse(), TIME).equals(writeZip(files, TIME))).toBe(true);
    expect(writeZip(files, TIME + 2).equals(writeZip(files, TIME))).toBe(false);
  });

  it('reads back every file exactly, sorted by name, at the one time, mode 644', () => {
    const entries = readZip(writeZip(files, TIME));
    expect(entries.map((e) => e.name)).toEqual(['_locales/sv/messages.json', 'chunks/empty.js', 'icons/icon-16.png', 'popup.js', 'Ö/å.txt']);
    for (const entry of entries) {
      expect(entry.data.equals(files.find((f) => f.name === entry.name)!.data)).toBe(true);
      expect(entry.time).toBe(TIME - 1); // DOS times are in two-second steps
      expect(entry.mode).toBe(0o644);
    }
  });

  it('deflates what gets smaller and stores what does not', () => {
    const entries = readZip(writeZip(files, TIME));
    expect(entries.find((e) => e.name === 'popup.js')!.method).toBe(8);
    expect(entries.find((e) => e.name === 'icons/icon-16.png')!.method).toBe(0);
  });

  it('writes no extra fields, no comment and no directory entries, and flags names as UTF-8', () => {
    const zip = writeZip(files, TIME);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(6)).toBe(0x0800);
    expect(zip.readUInt16LE(28)).toBe(0); // the first local header's extra field
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
    expect(zip.readUInt16LE(zip.length - 2)).toBe(0); // the archive's comment
    expect(zip.readUInt16LE(zip.length - 12)).toBe(files.length);
  });

  it('takes its CRC-32 from src/core, which agrees with zlib', () => {
    const zlibCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    for (const file of files) {
      if (zlibCrc) expect(crc32(file.data)).toBe(zlibCrc(file.data));
    }
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('refuses names a package must not hold, and a name twice', () => {
    for (const name of ['../escape.js', '/etc/passwd', 'C:/x.js', 'a\\b.js', 'chunks/', 'a//b.js', './a.js', '']) {
      expect(() => writeZip([{ name, data: Buffer.from('x') }], TIME), name).toThrow();
    }
    expect(() => writeZip([files[0]!, files[0]!], TIME)).toThrow(/twice/);
  });
});

describe('dosDateTime', () => {
  it('gives UTC in two-second steps, from 1980 on', () => {
    expect(dosDateTime(TIME)).toEqual({ time: (11 << 11) | (40 << 5) | 4, date: ((2026 - 1980) << 9) | (12 << 5) | 2 });
    expect(dosDateTime(0)).toEqual(dosDateTime(ZIP_EPOCH));
    expect(dosDateTime(ZIP_EPOCH)).toEqual({ time: 0, date: (1 << 5) | 1 });
  });
});

describe('readZip', () => {
  it('refuses an archive whose content does not match its CRC-32', () => {
    const zip = writeZip([{ name: 'a.bin', data: randomBytes(64) }], TIME);
    zip[30 + 'a.bin'.length + 10]! ^= 0xff; // a byte of the stored content
    expect(() => readZip(zip)).toThrow(/CRC-32/);
  });

  it('refuses what is not a whole ZIP archive', () => {
    const zip = writeZip(files, TIME);
    expect(() => readZip(zip.subarray(0, zip.length - 30))).toThrow();
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/not a ZIP/);
  });
});
