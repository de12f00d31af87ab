/**
 * CRC-32 (IEEE 802.3, the one zip and PNG use) over text, as 8 lower-case hex digits.
 * It is the check a sealed code carries so that a mistyped or truncated code is caught
 * before anything else is tried; it is not a defence against forgery (AES-GCM is).
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The running value before any byte. A running value grows a byte at a time with
 * `crc32Add` and becomes the checksum with `crc32Final`, so a checksum can follow a
 * text as it grows instead of being computed again from its start (split-codes.ts).
 */
export const CRC32_START = 0xffffffff;

export function crc32Add(running: number, byte: number): number {
  return TABLE[(running ^ byte) & 0xff]! ^ (running >>> 8);
}

export function crc32Final(running: number): number {
  return (running ^ 0xffffffff) >>> 0;
}

export function crc32(bytes: Uint8Array): number {
  let running = CRC32_START;
  for (const byte of bytes) running = crc32Add(running, byte);
  return crc32Final(running);
}

export function crc32Hex(text: string): string {
  return crc32(new TextEncoder().encode(text)).toString(16).padStart(8, '0');
}
