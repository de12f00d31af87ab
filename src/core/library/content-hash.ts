import { canonicalJson } from '../questionnaire/canonical';

/**
 * A questionnaire's identity by content: SHA-256 of its canonical JSON, exactly as the
 * lock file records the shipped ones (scripts/lock-questionnaires.mjs). Reformatting a
 * file or reordering its keys keeps the hash; changing any text or number changes it.
 * Web Crypto, which browsers and Node both have, so the kit and the extension agree.
 */
export async function contentHash(questionnaire: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(questionnaire));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The first 12 hex digits, grouped: enough for a person to compare two hashes by eye. */
export function shortHash(hash: string): string {
  const hex = hash.replace(/^sha256:/, '').slice(0, 12);
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
