import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The kit, run the way its users run it: `node bin/shiftmeter.mjs ...`, judged by exit code and output. */
export function kit(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/shiftmeter.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * For a test file that runs the kit: builds it once (bin/shiftmeter.mjs would rebuild it
 * on first use too, inside a test's time) and makes a scratch folder, removed after the
 * file's tests. Returns the folder's path, known once the tests run.
 */
export function kitWorkspace(prefix: string): () => string {
  let work = '';
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'build.mjs'), '--cli'], { cwd: ROOT, stdio: 'ignore', timeout: 60_000 });
    work = mkdtempSync(path.join(tmpdir(), `shiftmeter-${prefix}-`));
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return () => work;
}

/** `simulate TARGET --count N --seed S --out DIR`, which must succeed. */
export function simulateInto(out: string, target: string, count: number, seed: number, ...more: string[]): void {
  const run = kit('simulate', target, '--count', String(count), '--seed', String(seed), '--out', out, ...more);
  expect(run.code, run.stderr).toBe(0);
}
