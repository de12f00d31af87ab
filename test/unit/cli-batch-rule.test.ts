import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kit, ROOT } from '../helpers/kit';

const root = ROOT;
let work: string;

/** A folder holding the first `count` of the simulated files. */
function firstFiles(count: number): string {
  const dir = path.join(work, `first-${count}`);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(path.join(work, 'all')).sort().slice(0, count)) copyFileSync(path.join(work, 'all', name), path.join(dir, name));
  return dir;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'build.mjs'), '--cli'], { cwd: root, stdio: 'ignore', timeout: 60_000 });
  work = mkdtempSync(path.join(tmpdir(), 'shiftmeter-batch-'));
  const run = kit('simulate', 'production-service', '--count', '12', '--seed', '3', '--out', path.join(work, 'all'));
  expect(run.code, run.stderr).toBe(0);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('aggregate: the disclosure rule and the batch rule across runs', { timeout: 30_000 }, () => {
  it('attack 8: five and then six files give means only, so the sixth file’s scores are not printed', () => {
    const five = JSON.parse(kit('aggregate', firstFiles(5), '--min-group', '3').stdout);
    const six = JSON.parse(kit('aggregate', firstFiles(6), '--min-group', '3').stdout);
    for (const result of [five, six]) {
      expect(result.suppressed).toBe(false);
      for (const d of result.dimensions) {
        for (const withdrawn of ['median', 'alpha', 'alphaN']) expect(d).not.toHaveProperty(withdrawn);
        expect(Number.isInteger(d.mean)).toBe(true);
      }
      expect(Object.keys(result.overall)).toEqual(['mean']);
    }
  });

  it('with --previous, prints the previous figures again until the minimum group of new answers is in', () => {
    const previousFile = path.join(work, 'published-5.json');
    writeFileSync(previousFile, kit('aggregate', firstFiles(5), '--min-group', '3').stdout);
    const held = kit('aggregate', firstFiles(7), '--min-group', '3', '--previous', previousFile);
    expect(held.code, held.stderr).toBe(0);
    expect(held.stderr).toMatch(/2 new responses since .*published-5\.json.*the previous figures are printed again/);
    const heldResult = JSON.parse(held.stdout);
    const previous = JSON.parse(kit('aggregate', firstFiles(5), '--min-group', '3').stdout);
    expect({ n: heldResult.n, dimensions: heldResult.dimensions, overall: heldResult.overall }).toEqual({ n: previous.n, dimensions: previous.dimensions, overall: previous.overall });
    // An output of the kit before alpha was withdrawn (alpha, alphaN, alphaBelowZero per
    // dimension) is a previous output too; its alpha is not printed again.
    const olderFile = path.join(work, 'published-5-with-alpha.json');
    writeFileSync(olderFile, JSON.stringify({ ...previous, dimensions: previous.dimensions.map((d: { n: number }) => ({ ...d, alphaN: d.n, alpha: null, alphaBelowZero: false })) }));
    const heldOlder = kit('aggregate', firstFiles(7), '--min-group', '3', '--previous', olderFile);
    expect(heldOlder.code, heldOlder.stderr).toBe(0);
    expect(heldOlder.stderr).toMatch(/2 new responses since .*the previous figures are printed again/);
    expect(JSON.parse(heldOlder.stdout).dimensions).toEqual(previous.dimensions);
    const next = kit('aggregate', firstFiles(12), '--min-group', '3', '--previous', previousFile);
    expect(next.code, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout).n).toBe(12);
    expect(next.stderr).toBe('');
  });

  it('refuses a previous output that the run cannot continue, and one that is no output at all', () => {
    const previousFile = path.join(work, 'published-8.json');
    writeFileSync(previousFile, kit('aggregate', firstFiles(8), '--min-group', '3').stdout);
    const fewer = kit('aggregate', firstFiles(6), '--min-group', '3', '--previous', previousFile);
    expect(fewer.code).toBe(1);
    expect(fewer.stderr).toMatch(/counted 8 responses and this run only 6; nothing printed/);
    expect(fewer.stdout).toBe('');
    const otherMinimum = kit('aggregate', firstFiles(8), '--min-group', '4', '--previous', previousFile);
    expect(otherMinimum.code).toBe(1);
    const junk = path.join(work, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    expect(kit('aggregate', firstFiles(8), '--previous', junk).stderr).toMatch(/is not the JSON output of shiftmeter aggregate/);
    expect(kit('aggregate', firstFiles(8), '--previous').code).toBe(2);
  });
});

describe('the kit’s bundle', () => {
  it('carries no UI code: no Preact, no signals', () => {
    const bundle = readFileSync(path.join(root, 'dist/cli/shiftmeter.mjs'), 'utf8');
    // Strings that only Preact and @preact/signals hold (both are in the popup's bundle).
    for (const marker of ['__PREACT_SIGNALS_DEVTOOLS__', 'Cycle detected', 'useApp() outside']) expect(bundle).not.toContain(marker);
  });
});
