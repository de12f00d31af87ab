import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kit } from '../helpers/kit';
import { findResponseFiles, readInOrder, type Found, type Read } from '../../src/cli/response-files';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/shiftmeter.mjs');
let work: string;


function simulate(out: string, count: number, seed: number, ...more: string[]) {
  const run = kit('simulate', 'production-service', '--count', String(count), '--seed', String(seed), '--out', out, ...more);
  expect(run.code, run.stderr).toBe(0);
}

const json = (stdout: string) => JSON.parse(stdout);

/** FIFOs are made with mkfifo(1); Windows has neither it nor FIFOs at a path. */
const noFifos = process.platform === 'win32';
const DEVICE = '/dev/zero';

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'build.mjs'), '--cli'], { cwd: root, stdio: 'ignore', timeout: 60_000 });
  work = mkdtempSync(path.join(tmpdir(), 'shiftmeter-aggregate-'));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each test spawns the kit a few times; a busy two-core machine needs more than the default.
describe('shiftmeter simulate and aggregate', { timeout: 30_000 }, () => {
  it('aggregates simulated responses: exit 0 and the JSON shape of the design', () => {
    const dir = path.join(work, 'sim');
    // 100 responses: once the fewest for which medians and quartiles were shown; now never (the disclosure rule).
    simulate(dir, 100, 5);
    expect(readdirSync(dir).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `response-${String(i + 1).padStart(6, '0')}.json`));
    const run = kit('aggregate', dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const result = json(run.stdout);
    expect(Object.keys(result)).toEqual(['questionnaire', 'round', 'n', 'minGroup', 'suppressed', 'dimensions', 'overall', 'duplicates', 'rejected']);
    expect(result).toMatchObject({ questionnaire: { id: 'production-service', version: 2 }, round: 'sim-5', n: 100, minGroup: 5, suppressed: false, duplicates: 0, rejected: [] });
    expect(result.dimensions.map((d: { id: string }) => d.id)).toEqual(['value', 'co-production', 'knowledge', 'journey', 'demand', 'measures', 'relationship', 'ownership']);
    for (const d of result.dimensions) {
      // Means and their counts: no median, quartile or Cronbach's alpha (analyse gives alpha to whoever holds the files).
      expect(Object.keys(d)).toEqual(['id', 'n', 'mean', 'wantedN', 'wantedMean']);
      expect(d.mean).toBeGreaterThanOrEqual(0);
      expect(d.mean).toBeLessThanOrEqual(100);
      expect([d.n, d.wantedN].every((count: number) => Number.isInteger(count) && count <= 100)).toBe(true);
    }
    expect(Object.keys(result.overall)).toEqual(['mean']);
  });

  it('writes the same files for the same seed, and other files for another', () => {
    const [a, b, c] = ['seed-a', 'seed-b', 'seed-c'].map((name) => path.join(work, name));
    simulate(a!, 3, 42);
    simulate(b!, 3, 42);
    simulate(c!, 3, 43);
    const read = (dir: string) => readdirSync(dir).sort().map((name) => readFileSync(path.join(dir, name), 'utf8'));
    expect(read(a!)).toEqual(read(b!));
    expect(read(a!)).not.toEqual(read(c!));
    const first = JSON.parse(read(a!)[0]!);
    expect(Object.keys(first)).toEqual(['format', 'formatVersion', 'questionnaire', 'round', 'response', 'answers', 'wanted']);
    expect(first.round).toBe('sim-42');
    expect(first.response).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('prints CSV: a header, one row per dimension and an overall row', () => {
    const run = kit('aggregate', path.join(work, 'sim'), '--format', 'csv');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('dimension,n,mean,wanted_n,wanted_mean');
    expect(lines).toHaveLength(10);
    expect(lines[1]).toMatch(/^value,\d+,\d+,\d+,\d+$/);
    expect(lines[9]).toMatch(/^overall,100,\d+,,$/);
    for (const line of lines) expect(line.split(',')).toHaveLength(5);
  });

  it('aggregates the rest of a folder with a damaged file, a duplicate and another round, and exits 1', () => {
    const dir = path.join(work, 'mixed');
    simulate(dir, 6, 6);
    simulate(path.join(dir, 'later'), 2, 9, '--round', 'other');
    copyFileSync(path.join(dir, 'response-000001.json'), path.join(dir, 'copy.json'));
    writeFileSync(path.join(dir, 'damaged.json'), '{"format": "shiftmeter-resp');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a response, and not *.json: skipped');
    const run = kit('aggregate', dir);
    expect(run.code).toBe(1);
    const result = json(run.stdout);
    expect(result).toMatchObject({ round: 'sim-6', n: 6, duplicates: 1, suppressed: false });
    expect(result.rejected).toEqual([
      { source: path.join(dir, 'damaged.json'), reason: expect.stringMatching(/^is not valid JSON/) },
      { source: path.join(dir, 'later', 'response-000001.json'), reason: 'for round other, not sim-6' },
      { source: path.join(dir, 'later', 'response-000002.json'), reason: 'for round other, not sim-6' },
    ]);
    expect(run.stderr).toContain(`${path.join(dir, 'damaged.json')}: is not valid JSON`);
    expect(run.stderr).toContain(`${path.join(dir, 'later', 'response-000002.json')}: for round other, not sim-6`);
    expect(run.stderr).toContain('1 duplicate response counted once');
    expect(run.stderr).not.toMatch(/\n\s+at /);

    // --round chooses the other set; it is then too small to show.
    const other = kit('aggregate', dir, '--round', 'other');
    expect(other.code).toBe(1);
    expect(json(other.stdout)).toMatchObject({ round: 'other', n: 2, suppressed: true, overall: null, dimensions: [] });
    expect(json(other.stdout).rejected).toContainEqual({ source: path.join(dir, 'response-000003.json'), reason: 'for round sim-6, not other' });
  });

  it('lists rejected files on stderr, not in the CSV', () => {
    const run = kit('aggregate', path.join(work, 'mixed'), '--format', 'csv');
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(10);
    expect(run.stdout).not.toContain('damaged');
    expect(run.stderr).toContain('damaged.json: is not valid JSON');
  });

  it('shows no figures for 4 responses with --min-group 5, in JSON and CSV', () => {
    const dir = path.join(work, 'four');
    simulate(dir, 4, 7);
    const run = kit('aggregate', dir, '--min-group', '5');
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toEqual({
      questionnaire: { id: 'production-service', version: 2 },
      round: 'sim-7',
      n: 4,
      minGroup: 5,
      suppressed: true,
      dimensions: [],
      overall: null,
      duplicates: 0,
      rejected: [],
    });
    expect(run.stderr).toContain('fewer than the minimum group of 5');
    const csv = kit('aggregate', dir, '--format=csv');
    expect(csv.stdout).toBe('dimension,n,mean,wanted_n,wanted_mean\noverall,4,,,\n');
    expect(json(kit('aggregate', dir, '--min-group', '3').stdout).suppressed).toBe(false);
  });

  it('pools a questionnaire given as a file, and says so when a needed one is not shipped', () => {
    const file = path.join(work, 'own.json');
    writeFileSync(file, JSON.stringify(makeQuestionnaire()));
    const dir = path.join(work, 'own');
    expect(kit('simulate', file, '--count', '5', '--out', dir).code).toBe(0);
    const run = kit('aggregate', dir, '--questionnaire', file);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run.stdout)).toMatchObject({ questionnaire: { id: 'test-questionnaire', version: 1 }, n: 5, round: 'sim-1' });
    const unshipped = kit('aggregate', dir);
    expect(unshipped.code).toBe(1);
    expect(unshipped.stderr).toContain('test-questionnaire version 1, and the kit ships no questionnaire with this id; pass that version\'s file with --questionnaire FILE');
    const mismatched = kit('aggregate', dir, '--questionnaire', 'production-service');
    expect(mismatched.code).toBe(1);
    expect(json(mismatched.stdout)).toMatchObject({ n: 0, suppressed: true });
    expect(json(mismatched.stdout).rejected[0].reason).toBe('answers questionnaire test-questionnaire (version 1); this aggregate is for production-service');
  });

  it('exits 2 with usage, never a stack trace, for usage errors', () => {
    const dir = path.join(work, 'sim');
    const cases = [
      ['aggregate', dir, '--min-group', '2'],
      ['aggregate', dir, '--min-group', 'x'],
      ['aggregate', dir, '--format', 'xml'],
      ['aggregate', dir, '--round', 'a b'],
      ['aggregate'],
      ['simulate', 'production-service', '--out', dir],
      ['simulate', 'production-service', '--count', '5'],
      ['simulate', 'production-service', '--count', '0', '--out', dir],
      ['simulate', 'production-service', '--count', '1000001', '--out', dir],
      ['simulate', 'production-service', '--count', '1.5', '--out', dir],
      ['simulate', 'production-service', '--count', '5', '--seed', 'abc', '--out', dir],
    ];
    for (const args of cases) {
      const run = kit(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^shiftmeter: .+\n\nUsage:/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
  });

  it.skipIf(noFifos)('finishes with links to a FIFO and a device, and a FIFO named *.json, rejected as not regular files', () => {
    const dir = path.join(work, 'non-regular');
    simulate(dir, 5, 11);
    const fifo = path.join(work, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, path.join(dir, 'x.json'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    if (existsSync(DEVICE)) symlinkSync(DEVICE, path.join(dir, 'zero.json'));
    // A link to a regular file is read: here it repeats a response, so it counts once.
    symlinkSync(path.join(dir, 'response-000001.json'), path.join(dir, 'y-link.json'));
    // Waiting on the FIFO would hang the kit until this timeout kills it.
    const run = spawnSync(process.execPath, [bin, 'aggregate', dir], { encoding: 'utf8', timeout: 20_000 });
    expect(run.signal, 'the kit hung').toBeNull();
    expect(run.status).toBe(1);
    const result = json(run.stdout);
    expect(result).toMatchObject({ n: 5, duplicates: 1, suppressed: false });
    const notRegular = (name: string) => ({ source: path.join(dir, name), reason: 'is not a regular file' });
    expect(result.rejected).toEqual([notRegular('pipe.json'), notRegular('x.json'), ...(existsSync(DEVICE) ? [notRegular('zero.json')] : [])]);
    expect(run.stderr).toContain(`${path.join(dir, 'x.json')}: is not a regular file`);
  });

  it('exits 1 when nothing can be read', () => {
    const run = kit('aggregate', path.join(work, 'no-such-folder'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-folder: does not exist');
  });
});

describe('reading response files', () => {
  async function readAll(paths: string[], slowReadMs: number): Promise<Read[]> {
    const reads: Read[] = [];
    for await (const read of readInOrder(findResponseFiles(paths), { maxBytes: 64_000, atOnce: 4, slowReadMs })) reads.push(read);
    return reads;
  }

  it('yields the same files in the same sorted order, read one by one or many at once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shiftmeter-read-'));
    try {
      mkdirSync(path.join(dir, 'b'));
      for (const name of ['c.json', 'a.json', 'b/z.json', 'b/y.json', 'b.json', 'skip.txt']) writeFileSync(path.join(dir, name), `"${name}"`);
      writeFileSync(path.join(dir, 'big.json'), `"${'x'.repeat(70_000)}"`);
      const sequential = await readAll([dir, path.join(dir, 'missing.json')], 1000);
      const concurrent = await readAll([dir, path.join(dir, 'missing.json')], 0);
      expect(concurrent).toEqual(sequential);
      expect(sequential.map((r) => path.relative(dir, r.source))).toEqual(['a.json', 'b/y.json', 'b/z.json', 'b.json', 'big.json', 'c.json', 'missing.json']);
      expect(sequential[0]).toEqual({ source: path.join(dir, 'a.json'), text: '"a.json"' });
      expect(sequential[4]).toMatchObject({ problem: expect.stringMatching(/larger than 64 KB/) });
      expect(sequential[6]).toMatchObject({ problem: 'does not exist' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(noFifos)('refuses a path that became a FIFO or a device after the walk, without waiting on it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shiftmeter-read-'));
    try {
      const fifo = path.join(dir, 'swapped.json');
      execFileSync('mkfifo', [fifo]);
      const swapped: Found[] = [{ source: fifo }, ...(existsSync(DEVICE) ? [{ source: DEVICE }] : [])];
      async function* walked() {
        yield* swapped;
      }
      for (const slowReadMs of [1000, 0]) {
        const reads: Read[] = [];
        for await (const read of readInOrder(walked(), { maxBytes: 64_000, atOnce: 4, slowReadMs })) reads.push(read);
        expect(reads).toEqual(swapped.map(({ source }) => ({ source, problem: 'is not a regular file' })));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
