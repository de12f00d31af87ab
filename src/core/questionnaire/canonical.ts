/**
 * The canonical text of a parsed JSON value, for the lock file's content hashes:
 * object keys sorted (by UTF-16 code units, as Array.prototype.sort does), no
 * whitespace, and the top-level "$schema" dropped, since where an editor finds the
 * schema says nothing about the questionnaire. Reformatting a file or reordering its
 * keys therefore does not change its hash; changing any text or number does.
 *
 * Built as a string, never as an intermediate object, so that a "__proto__" key is
 * just another key.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, true);
}

function encode(value: unknown, topLevel: boolean): string {
  if (Array.isArray(value)) return `[${value.map((entry) => encode(entry, false)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => !(topLevel && key === '$schema')).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${encode(record[key], false)}`).join(',')}}`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`canonicalJson: ${typeof value} is not a JSON value`);
  return text;
}
