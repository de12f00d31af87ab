import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYSE_CSV_HEADER } from '../../src/cli/analyse-output';
import { kit, kitWorkspace, simulateInto } from '../helpers/kit';

const workspace = kitWorkspace('analyse');
const simulate = (out: string, count: number, seed: number, ...more: string[]) => simulateInto(out, 'production-service', count, seed, ...more);

interface Item { id: string; itemRest: number | null; alphaIfDropped: number | null; flags: { kind: string }[] }
interface Dimension { id: string; n: number; complete: number; alpha: number | null; items: Item[] }

describe('shiftmeter analyse', { timeout: 30_000 }, () => {
  let work: string;
  beforeAll(() => void (work = workspace()));

  it('agrees with aggregate on n, each dimension\'s n and the files refused, and alone gives alpha', () => {
    const dir = path.join(work, 'mixed');
    simulate(dir, 120, 4);
    simulate(path.join(dir, 'other'), 3, 9, '--round', 'other');
    copyFileSync(path.join(dir, 'response-000001.json'), path.join(dir, 'copy.json'));
    writeFileSync(path.join(dir, 'damaged.json'), '{"format": "shiftmeter-resp');
    const aggregate = kit('aggregate', dir);
    const analyse = kit('analyse', dir, '--format', 'json');
    expect(analyse.code).toBe(1);
    expect(aggregate.code).toBe(1);
    const team = JSON.parse(aggregate.stdout);
    const report = JSON.parse(analyse.stdout);
    expect(Object.keys(report)).toEqual(['questionnaire', 'round', 'n', 'minGroup', 'suppressed', 'missingAnswer', 'thresholds', 'dimensions', 'duplicates', 'rejected']);
    expect(report).toMatchObject({ questionnaire: team.questionnaire, round: team.round, n: team.n, minGroup: 5, duplicates: 1, rejected: team.rejected });
    expect(report.n).toBe(120);
    expect(report.rejected).toHaveLength(4);
    report.dimensions.forEach((d: Dimension, i: number) => {
      expect(d.id).toBe(team.dimensions[i].id);
      expect(d.n).toBe(team.dimensions[i].n);
      // Alpha is for whoever holds the files: the aggregate publishes none (docs/privacy.md).
      expect(d.alpha).not.toBeNull();
      expect(team.dimensions[i]).not.toHaveProperty('alpha');
    });
    // The same lines on stderr, but for the verb.
    expect(analyse.stderr).toBe(aggregate.stderr.replace('the rest are aggregated', 'the rest are analysed'));
  });

  it('prints a report to read by default, with each dimension\'s alpha, interval and complete answers', () => {
    const run = kit('analyse', path.join(work, 'mixed'), '--round', 'sim-4');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('production-service version 2, round sim-4: 120 responses, minimum group 5.');
    expect(run.stdout).toMatch(/\nvalue: 1\d\d responses with a score; alpha 0\.\d\d \(95% CI 0\.\d\d to 0\.\d\d, Feldt\) from 1\d\d complete answers\n {2}item +n {2}does not apply {2}mean {4}sd {2}floor {2}ceiling {2}item–rest {2}alpha if dropped\n/);
    expect(run.stdout).toContain('Flags: item–rest correlation below .30; Cronbach\'s alpha below .70;\n"does not apply" above 20%; answers at 1 (floor) or at 7 (ceiling) above 30%.');
  });

  it('prints CSV: a row per item, a row per dimension, and overall', () => {
    const run = kit('analyse', path.join(work, 'mixed'), '--round', 'sim-4', '--format', 'csv');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(ANALYSE_CSV_HEADER);
    // production-service 2: 8 dimensions of 3 items.
    expect(lines).toHaveLength(1 + 8 * 4 + 1);
    for (const line of lines) expect(line.split(',')).toHaveLength(16);
    expect(lines[1]).toMatch(/^value,value-\d,(true|false),\d+,,[\d.]+,[\d.]+,[\d.]+,[\d.e-]+,[\d.e-]+,-?[\d.]+,-?[\d.]+,,,,$/);
    expect(lines[4]).toMatch(/^value,,,\d+,\d+,,,,,,,,0\.\d+,0\.\d+,0\.\d+,$/);
    expect(lines.at(-1)).toBe('overall,,,120,,,,,,,,,,,,');
  });

  it('shows only the count below the minimum group, in each format', () => {
    const dir = path.join(work, 'four');
    simulate(dir, 4, 7);
    const text = kit('analyse', dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('production-service version 2, round sim-7: 4 responses, fewer than the minimum group of 5: only the count is shown.\n');
    expect(text.stderr).toContain('fewer than the minimum group of 5');
    expect(JSON.parse(kit('analyse', dir, '--format', 'json').stdout)).toMatchObject({ n: 4, suppressed: true, dimensions: [] });
    expect(kit('analyse', dir, '--format', 'csv').stdout).toBe(`${ANALYSE_CSV_HEADER}\noverall,,,4,,,,,,,,,,,,\n`);
    expect(JSON.parse(kit('analyse', dir, '--format', 'json', '--min-group', '3').stdout).suppressed).toBe(false);
  });

  it('flags the item simulate made weak: the lowest item-rest of its dimension, the one whose dropping raises alpha', () => {
    const dir = path.join(work, 'weak');
    simulate(dir, 200, 7, '--weak-item', 'value-3');
    const report = JSON.parse(kit('analyse', dir, '--format', 'json').stdout);
    const items = report.dimensions.flatMap((d: Dimension) => d.items.map((i) => ({ ...i, dimension: d.id })));
    const lowItemRest = items.filter((i: Item) => i.flags.some((f) => f.kind === 'low-item-rest'));
    // Noise in one of three items also pulls down the others' item-rest: the flags stay in its dimension.
    expect(lowItemRest.map((i: { id: string }) => i.id)).toContain('value-3');
    expect(new Set(lowItemRest.map((i: { dimension: string }) => i.dimension))).toEqual(new Set(['value']));
    const value = report.dimensions[0] as Dimension;
    const weak = value.items.find((i) => i.id === 'value-3')!;
    for (const other of value.items.filter((i) => i !== weak)) {
      expect(weak.itemRest!).toBeLessThan(other.itemRest!);
      expect(weak.alphaIfDropped!).toBeGreaterThan(other.alphaIfDropped!);
    }
    expect(weak.alphaIfDropped).toBeGreaterThan(value.alpha!);
    expect(kit('analyse', dir).stdout).toMatch(/\n {2}! value-3: item–rest correlation -?\.\d\d is below \.30: /);
  });

  it('exits 2 with usage for usage errors, and 1 for a weak item the questionnaire does not have', () => {
    for (const args of [['analyse'], ['analyse', work, '--format', 'xml'], ['analyse', work, '--min-group', '2'], ['simulate', 'production-service', '--count', '5', '--out', work, '--weak-item', 'Not An Id']]) {
      const run = kit(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^shiftmeter: .+\n\nUsage:/);
    }
    expect(kit('analyse', work, '--format', 'xml').stderr).toMatch(/^shiftmeter: --format "xml" is not text, json or csv\n/);
    const unknown = kit('simulate', 'production-service', '--count', '5', '--out', path.join(work, 'unknown'), '--weak-item', 'no-such-item');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^--weak-item no-such-item: production-service version 2 has no item with this id; its items are value-/);
  });
});
