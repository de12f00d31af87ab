import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/questionnaire/canonical';
import { QUESTIONNAIRE_DIR, shippedQuestionnaireFiles } from '../helpers/shipped-files';

const ROOT = path.resolve(QUESTIONNAIRE_DIR, '..');
const LOCK_SCRIPT = path.join(ROOT, 'scripts/lock-questionnaires.mjs');

function hashOf(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
}

function readLock(dir = QUESTIONNAIRE_DIR): Record<string, string> {
  return JSON.parse(readFileSync(path.join(dir, 'lock.json'), 'utf8')) as Record<string, string>;
}

describe('canonicalJson', () => {
  it('sorts keys at every level, drops whitespace, keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, { z: 1, a: 'x y' }], a: null })).toBe('{"a":null,"b":[3,1,{"a":"x y","z":1}]}');
  });

  it('drops "$schema" at the top level only', () => {
    expect(canonicalJson({ $schema: './schema.json', id: 'a', nested: { $schema: 'kept' } })).toBe('{"id":"a","nested":{"$schema":"kept"}}');
  });

  it('does not change with formatting or key order, and does with any text', () => {
    const a = JSON.parse('{ "id": "a",\n  "title": { "en": "T", "sv": "S" } }');
    const b = JSON.parse('{"title":{"sv":"S","en":"T"},"id":"a","$schema":"./schema.json"}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).not.toBe(canonicalJson({ ...b, title: { en: 'T', sv: 'S.' } }));
  });

  it('treats "__proto__" as an ordinary key', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});

describe('questionnaires/lock.json', () => {
  // A failure here means a shipped questionnaire changed after it was locked. Results
  // answered on one version are compared as answers to the same questions, so:
  // bump "version" in the file, then run `npm run lock` to record the new version.
  it.each(shippedQuestionnaireFiles().map((file) => [file.name, file] as const))('locks %s at its current content', (_name, file) => {
    const data = JSON.parse(file.text) as { id: string; version: number };
    const key = `${data.id}@${data.version}`;
    const lock = readLock();
    expect(lock[key], `${key} (${file.name}) has no entry in questionnaires/lock.json: run npm run lock`).toBeDefined();
    expect(lock[key], `${key} (${file.name}) changed since it was locked: bump its version and run npm run lock`).toBe(hashOf(data));
  });

  it('holds only well-formed entries', () => {
    for (const [key, hash] of Object.entries(readLock())) {
      expect(key).toMatch(/^[a-z][a-z0-9-]{0,63}@[1-9]\d*$/);
      expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });
});

describe('npm run lock (scripts/lock-questionnaires.mjs)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function copyShipped(): string {
    dir = mkdtempSync(path.join(tmpdir(), 'shiftmeter-lock-'));
    for (const file of shippedQuestionnaireFiles()) copyFileSync(file.path, path.join(dir, file.name));
    return dir;
  }

  const runLock = (target: string) => spawnSync(process.execPath, [LOCK_SCRIPT, target], { encoding: 'utf8', timeout: 30_000 });

  it('writes the same hashes as the canonicalizer the tests use, for every shipped file', () => {
    const target = copyShipped();
    const result = runLock(target);
    expect(result.status, result.stderr).toBe(0);
    const expected = Object.fromEntries(shippedQuestionnaireFiles().map(({ text }) => {
      const data = JSON.parse(text) as { id: string; version: number };
      return [`${data.id}@${data.version}`, hashOf(data)];
    }));
    expect(readLock(target)).toEqual(expected);
  });

  it('adds a new version and keeps the old entry', () => {
    const target = copyShipped();
    expect(runLock(target).status).toBe(0);
    const before = readLock(target);
    const file = path.join(target, 'production-service.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    // The version after the shipped one (version 2 ships now), whatever it is.
    const next = (data.version as number) + 1;
    data.version = next;
    data.items[0].left.en = 'A statement that now means something else.';
    writeFileSync(file, JSON.stringify(data));
    const result = runLock(target);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`added production-service@${next}\\b`));
    expect(readLock(target)).toEqual({ ...before, [`production-service@${next}`]: hashOf(data) });
  });

  it('refuses a locked version whose content changed, and leaves the lock alone', () => {
    const target = copyShipped();
    expect(runLock(target).status).toBe(0);
    const lockText = readFileSync(path.join(target, 'lock.json'), 'utf8');
    const file = path.join(target, 'production-service.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.items[0].left.en = 'A statement that now means something else.';
    writeFileSync(file, JSON.stringify(data));
    const result = runLock(target);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`production-service@${data.version as number} changed since it was locked: bump its version`));
    expect(readFileSync(path.join(target, 'lock.json'), 'utf8')).toBe(lockText);
  });

  it('ignores formatting and the "$schema" reference', () => {
    const target = copyShipped();
    expect(runLock(target).status).toBe(0);
    const file = path.join(target, 'npm-npg.json');
    const { $schema: _schema, ...data } = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify(data));
    expect(runLock(target).status).toBe(0);
  });
});
