/**
 * Whether 65 bytes are an uncompressed point on the NIST P-256 curve
 * (y² = x³ − 3x + b over the field of p). WebCrypto would refuse a bad point too, but
 * only asynchronously and only when sealing; checking when an invitation is read lets
 * the member be told at once that the invitation was not made by Shiftmeter.
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function mod(value: bigint): bigint {
  const r = value % P;
  return r < 0n ? r + P : r;
}

export function isP256Point(raw: Uint8Array): boolean {
  if (raw.length !== 65 || raw[0] !== 4) return false;
  const x = toBigInt(raw.subarray(1, 33));
  const y = toBigInt(raw.subarray(33, 65));
  if (x >= P || y >= P) return false;
  return mod(y * y) === mod(x * x * x - 3n * x + B);
}
