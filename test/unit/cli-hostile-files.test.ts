import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kit, kitWorkspace, simulateInto } from '../helpers/kit';

const workspace = kitWorkspace('hostile');
let work: string;
let dir: string;
/** FIFOs are made with mkfifo(1); Windows has neither it nor FIFOs at a path. */
const withFifo = process.platform !== 'win32';

beforeAll(() => {
  work = workspace();
  dir = path.join(work, 'responses');
  simulateInto(dir, 'production-service', 6, 21);
  const valid = readFileSync(path.join(dir, 'response-000001.json'), 'utf8');
  writeFileSync(path.join(dir, 'damaged.json'), valid.slice(0, valid.length / 2));
  // Larger than a response may be (64 KB), though valid JSON.
  writeFileSync(path.join(dir, 'oversized.json'), JSON.stringify({ padding: 'x'.repeat(70_000) }));
  // Not text: bytes that are no UTF-8, a NUL among them.
  writeFileSync(path.join(dir, 'binary.json'), Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x80, 0x81, 0xc3, 0x28, 0x7d]));
  // Nested deeper than a response can be.
  writeFileSync(path.join(dir, 'nested.json'), `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`);
  writeFileSync(path.join(dir, 'nested-arrays.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  // A field that could identify a person, and a prototype key.
  writeFileSync(path.join(dir, 'named.json'), JSON.stringify({ ...JSON.parse(valid), name: 'Kim' }));
  writeFileSync(path.join(dir, 'proto.json'), valid.replace('"answers": {', '"answers": {"__proto__": 3,'));
  // A valid response in a folder within folders is read; a copy of one counts once.
  mkdirSync(path.join(dir, 'a', 'b', 'c'), { recursive: true });
  writeFileSync(path.join(dir, 'a', 'b', 'c', 'copy.json'), valid);
  if (withFifo) execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
}, 60_000);

describe('hostile response files, read by aggregate, analyse and export alike', { timeout: 60_000 }, () => {
  it('are refused by all three with the same reasons, and the rest counted', () => {
    const aggregate = kit('aggregate', dir);
    const analyse = kit('analyse', dir, '--format', 'json');
    const exported = kit('export', dir, '--out', path.join(work, 'package'));
    for (const run of [aggregate, analyse, exported]) expect(run.code).toBe(1);

    const rejected = JSON.parse(aggregate.stdout).rejected as { source: string; reason: string }[];
    const reasons = Object.fromEntries(rejected.map(({ source, reason }) => [path.relative(dir, source), reason]));
    expect(Object.keys(reasons).sort()).toEqual(['binary.json', 'damaged.json', 'named.json', 'nested-arrays.json', 'nested.json', 'oversized.json', ...(withFifo ? ['pipe.json'] : []), 'proto.json']);
    expect(reasons['oversized.json']).toBe('is larger than 64 KB; a response file is much smaller');
    expect(reasons['binary.json']).toBe('is not UTF-8 text');
    expect(reasons['nested.json']).toBe('is nested more than 8 levels deep (line 1); expected a flatter structure');
    expect(reasons['nested-arrays.json']).toBe(reasons['nested.json']);
    expect(reasons['damaged.json']).toMatch(/^is not valid JSON/);
    if (withFifo) expect(reasons['pipe.json']).toBe('is not a regular file');

    expect(JSON.parse(aggregate.stdout)).toMatchObject({ n: 6, duplicates: 1 });
    expect(JSON.parse(analyse.stdout)).toMatchObject({ n: 6, duplicates: 1, rejected });
    expect(exported.stdout).toContain('(production-service version 2, round sim-21: 6 responses)');
    // The same lines on stderr, but for the verb.
    expect(analyse.stderr).toBe(aggregate.stderr.replace('the rest are aggregated', 'the rest are analysed'));
    expect(exported.stderr).toBe(aggregate.stderr.replace('the rest are aggregated', 'the rest are exported'));
    expect(aggregate.stderr).toContain(`shiftmeter: ${rejected.length} of ${rejected.length + 7} files rejected`);
    for (const run of [aggregate, analyse, exported]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
