import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/cli/printable-html';
import { asksWantedPerItem } from '../../src/core/questionnaire/types';
import { validateCommand } from '../../src/cli/validate-command';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';
import { QUESTIONNAIRE_DIR } from '../helpers/shipped-files';

// The kit, run the way its users run it: `node bin/shiftmeter.mjs ...` in a folder of
// their own files, judged only by exit status, stdout and stderr.

const ROOT = path.resolve(QUESTIONNAIRE_DIR, '..');
const BIN = path.join(ROOT, 'bin/shiftmeter.mjs');
const SHIPPED = path.join(QUESTIONNAIRE_DIR, 'production-service.json');
let work: string;

function kit(...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

function write(name: string, content: string | Buffer | object): string {
  writeFileSync(path.join(work, name), typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  return name;
}

/** The fixture, changed by `change`: a file with one known fault. */
function damaged(change: (q: any) => void): object {
  const q = structuredClone(makeQuestionnaire()) as any;
  change(q);
  return q;
}

const stderrLines = (stderr: string) => stderr.split('\n').filter((line) => line !== '');

/** What every refusal must look like: exit 1, each line naming the file, no stack trace. */
function expectRefused(result: ReturnType<typeof kit>, file: string): string[] {
  expect(result.status, result.stderr).toBe(1);
  const lines = stderrLines(result.stderr);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line.startsWith(`${file}: `), line).toBe(true);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/node:internal|Error:/);
  return lines;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'build.mjs'), '--cli'], { cwd: ROOT, stdio: 'pipe' });
  work = mkdtempSync(path.join(tmpdir(), 'shiftmeter-cli-'));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('shiftmeter validate', () => {
  it('accepts a valid file with exit 0 and a one-line summary', () => {
    const file = write('production-service.json', readFileSync(SHIPPED));
    const result = kit('validate', file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`ok ${file}: questionnaire "production-service" version 2 (en, sv, da), 8 dimensions, 24 items\n`);
  });

  it('prints exactly the documented fields with --json', () => {
    const file = write('production-service.json', readFileSync(SHIPPED));
    const result = kit('validate', '--json', file);
    expect(result.status, result.stderr).toBe(0);
    const summaries = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(summaries).toHaveLength(1);
    const [summary] = summaries as [Record<string, any>];
    expect(Object.keys(summary).sort()).toEqual(['dimensions', 'file', 'from', 'id', 'kind', 'languages', 'to', 'version']);
    expect(summary).toMatchObject({ file, kind: 'questionnaire', id: 'production-service', version: 2, languages: ['en', 'sv', 'da'], from: 'production logic', to: 'service logic' });
    expect(summary.dimensions).toHaveLength(8);
    for (const dimension of summary.dimensions) {
      expect(Object.keys(dimension).sort()).toEqual(['id', 'items']);
      expect(dimension.items.length).toBeGreaterThanOrEqual(3);
      for (const item of dimension.items) expect(typeof item).toBe('string');
    }
  });

  it('still summarises the valid files when one of several is invalid', () => {
    const good = [write('a.json', makeQuestionnaire()), write('b.json', readFileSync(SHIPPED))];
    const bad = write('bad.json', damaged((q) => (q.version = 0)));
    const result = kit('validate', good[0]!, bad, good[1]!);
    expectRefused(result, bad);
    expect(result.stdout.split('\n').filter(Boolean).map((line) => line.split(':')[0])).toEqual(['ok a.json', 'ok b.json']);
  });

  it('accepts a file that starts with a UTF-8 byte order mark, as editors on Windows write them', () => {
    const file = write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(SHIPPED)]));
    const result = kit('validate', file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ok bom\.json: /);
  });

  /** The damaged battery: [name, content, what the report must mention (a JSON path where one applies)]. */
  const BATTERY: [string, () => string | Buffer | object, RegExp][] = [
    ['not JSON', () => '{ "kind": "questionnaire", ', /is not valid JSON: line 1, column \d+/],
    ['a trailing comma', () => '{\n  "kind": "questionnaire",\n}', /line 3, column 1: .*comma/],
    ['an empty file', () => '', /is empty/],
    ['binary garbage', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /not UTF-8/],
    ['NUL bytes', () => Buffer.alloc(64), /U\+0000/],
    ['UTF-16 text', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(makeQuestionnaire()), 'utf16le')]), /UTF-16/],
    ['two byte order marks', () => `\ufeff\ufeff${JSON.stringify(makeQuestionnaire())}`, /U\+FEFF/],
    ['a JSON array', () => '[]', /expected an object, found an array/],
    ['a JSON string', () => '"questionnaire"', /expected an object, found the string/],
    ['null', () => 'null', /expected an object, found null/],
    ['a missing field', () => damaged((q) => delete q.dimensions[1].theory), /: dimensions\[1\]\.theory: is missing/],
    ['a missing kind', () => damaged((q) => delete q.kind), /: kind: is missing; expected/],
    ['a mistyped field', () => damaged((q) => (q.items[2].left = 'text')), /: items\[2\]\.left: expected an object, found the string "text"/],
    ['mistyped languages', () => damaged((q) => (q.languages = 'en')), /: languages: expected an array/],
    ['a duplicated item id', () => damaged((q) => (q.items[3].id = q.items[0].id)), /: items\[3\]\.id: "dim-1-1" is used twice/],
    ['a duplicated dimension id', () => damaged((q) => (q.dimensions[2].id = 'dim-1')), /: dimensions\[2\]\.id: "dim-1" is used twice/],
    ['an item naming a missing dimension', () => damaged((q) => (q.items[5].dimension = 'nowhere')), /: items\[5\]\.dimension: names the dimension "nowhere"/],
    ['a dimension with 2 items', () => damaged((q) => q.items.splice(6, 1)), /: dimensions\[2\]: dimension "dim-3" has 2 items; expected at least 3/],
    ['a declared language missing a text', () => damaged((q) => delete q.items[4].left.sv), /: items\[4\]\.left\.sv: is missing/],
    ['a text in an undeclared language', () => damaged((q) => (q.dimensions[0].name.de = 'Name')), /: dimensions\[0\]\.name\.de: is not a known field/],
    ['scale.points 10', () => damaged((q) => (q.scale.points = 10)), /: scale\.points: is 10; expected 7/],
    ['version -1', () => damaged((q) => (q.version = -1)), /: version: is -1; expected a whole number from 1/],
    ['version 1.5', () => damaged((q) => (q.version = 1.5)), /: version: expected a whole number, found the number 1\.5/],
    ['a statement over 200 characters', () => damaged((q) => (q.items[0].right.da = 'x'.repeat(201))), /: items\[0\]\.right\.da: is 201 characters long; expected at most 200/],
    ['a file of 1.2 MB', () => JSON.stringify({ ...makeQuestionnaire(), description: { en: 'x'.repeat(1_200_000) } }), /larger than 1 MB/],
    ['nesting 100,000 levels deep', () => `{"kind":"questionnaire","items":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, /nested more than \d+ levels deep/],
    ['"__proto__" keys', () => `{"__proto__":{"kind":"questionnaire"},${JSON.stringify(makeQuestionnaire()).slice(1, -1)},"title":{"__proto__":"x","en":"a","sv":"b","da":"c"}}`, /: __proto__: is not a known field[\s\S]*: title\.__proto__: is not a known field/],
    ['a line break in an unknown key', () => JSON.stringify({ ...makeQuestionnaire(), 'two\nlines': 1 }), /: \["two\\nlines"\]: is not a known field/],
    ['a line break in a value', () => damaged((q) => (q.items[0].dimension = 'a\nb')), /: items\[0\]\.dimension: names the dimension "a\\nb"/],
    ['60,000 unknown fields', () => `{"kind":"questionnaire",${Array.from({ length: 60_000 }, (_, i) => `"f${i}":0`).join(',')}}`, /more problems not shown/],
  ];

  // Timing: these bounds only catch a hang or a runaway, never measure speed (a busy
  // two-core machine must not fail the suite); the benchmark reports real figures.
  it.each(BATTERY)('refuses %s: exit 1, every line naming the file, no stack trace, within seconds', async (name, content, expected) => {
    const file = write(`${name.replace(/\W+/g, '-')}.json`, content());
    const result = kit('validate', file);
    const lines = expectRefused(result, file);
    expect(lines.join('\n')).toMatch(expected);
    expect(result.ms).toBeLessThan(5000);

    const started = performance.now();
    const errors: string[] = [];
    const status = await validateCommand([path.join(work, file)], false, { print: () => {}, error: (line) => errors.push(line) });
    expect(status).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('refuses randomly damaged bytes of a shipped file cleanly, never throwing', async () => {
    const original = readFileSync(SHIPPED);
    const damage = fc.oneof(
      fc.nat().map((at) => (bytes: Buffer) => bytes.subarray(0, at % bytes.length)),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => (bytes: Buffer) => {
        const copy = Buffer.from(bytes);
        copy[at % copy.length] = byte;
        return copy;
      }),
      fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, inserted]) => (bytes: Buffer) => {
        const i = at % bytes.length;
        return Buffer.concat([bytes.subarray(0, i), Buffer.from(inserted), bytes.subarray(i)]);
      }),
      fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, b, c]) => (bytes: Buffer) => {
        const [from, to] = [a % bytes.length, b % bytes.length].sort((x, y) => x - y) as [number, number];
        const i = c % bytes.length;
        return Buffer.concat([bytes.subarray(0, i), bytes.subarray(from, to), bytes.subarray(i)]);
      }),
    );
    const file = path.join(work, 'fuzzed.json');
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 3 }), async (damages) => {
        writeFileSync(file, damages.reduce<Buffer>((bytes, apply) => apply(bytes), original));
        const errors: string[] = [];
        const status = await validateCommand([file], false, { print: () => {}, error: (line) => errors.push(line) });
        expect(status === 0 ? errors : status).toEqual(status === 0 ? [] : 1);
        if (status === 1) expect(errors.length).toBeGreaterThan(0);
        for (const line of errors) {
          expect(line.startsWith(`${file}: `), line).toBe(true);
          expect(line).not.toMatch(/[\n\r]|internal error/);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('refuses a folder and a missing file', () => {
    mkdirSync(path.join(work, 'folder.json'), { recursive: true });
    expect(expectRefused(kit('validate', 'folder.json'), 'folder.json').join()).toMatch(/is a folder; expected a file/);
    expect(expectRefused(kit('validate', 'missing.json'), 'missing.json').join()).toMatch(/does not exist/);
  });

  it('gets through the whole battery in one run within seconds', () => {
    const files = BATTERY.map(([name, content]) => write(`all-${name.replace(/\W+/g, '-')}.json`, content()));
    const result = kit('validate', ...files);
    expect(result.status).toBe(1);
    const named = new Set(stderrLines(result.stderr).map((line) => files.find((file) => line.startsWith(`${file}: `))));
    expect(named.has(undefined)).toBe(false);
    expect(named.size).toBe(files.length);
    expect(result.ms).toBeLessThan(10_000);
  });
});

describe('usage errors', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['validate with no file', ['validate']],
    ['an unknown option', ['validate', '--strict', 'x.json']],
    ['print with a malformed --lang', ['print', 'production-service', '--lang', 'xyz1']],
    ['print with --lang and no value', ['print', 'production-service', '--lang']],
    ['print with two targets', ['print', 'a', 'b']],
  ])('exit 2 with usage on stderr for %s', (_name, args) => {
    const result = kit(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^shiftmeter: .+\n\nUsage: shiftmeter <command>/);
    expect(result.stdout).toBe('');
  });

  it('prints usage on stdout with exit 0 when asked for help', () => {
    const result = kit('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: shiftmeter/);
  });
});

describe('shiftmeter print', () => {
  const rows = (html: string) => html.match(/<tr[\s>][\s\S]*?<\/tr>/g) ?? [];

  function expectForm(html: string, q: Questionnaire, lang: string) {
    expect(html).toMatch(/^<!doctype html>\s*<html lang="[a-z]+">[\s\S]*<\/html>\s*$/);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<title>${escapeHtml(q.title[lang]!)}</title>`);
    for (const item of q.items) {
      expect(html, item.id).toContain(escapeHtml(item.left[lang]!));
      expect(html, item.id).toContain(escapeHtml(item.right[lang]!));
    }
    const all = rows(html);
    if (asksWantedPerItem(q)) {
      // Format 2, as the extension asks it: each pair with "does not apply", then "wanted" as a second part over the same pairs.
      const scales = all.filter((row) => !row.includes('class="not-applicable"'));
      expect(scales).toHaveLength(2 * q.items.length);
      for (const row of scales) expect(row.match(/☐/g), row).toHaveLength(7);
      expect(all.filter((row) => row.includes('class="not-applicable"'))).toHaveLength(q.items.length);
      expect(all.filter((row) => row.includes('class="wanted"'))).toHaveLength(0);
    } else {
      expect(all).toHaveLength(q.items.length + q.dimensions.length);
      for (const row of all) expect(row.match(/☐/g), row).toHaveLength(7);
      expect(all.filter((row) => row.includes('class="wanted"'))).toHaveLength(q.dimensions.length);
    }
    expect(html).not.toMatch(/<script/i);
  }

  it('prints a shipped questionnaire by its id', () => {
    const result = kit('print', 'production-service');
    expect(result.status, result.stderr).toBe(0);
    expectForm(result.stdout, JSON.parse(readFileSync(SHIPPED, 'utf8')), 'en');
  });

  it('prints a file in the language asked for', () => {
    const file = write('to-print.json', readFileSync(SHIPPED));
    const result = kit('print', file, '--lang', 'sv');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expectForm(result.stdout, JSON.parse(readFileSync(SHIPPED, 'utf8')), 'sv');
    expect(result.stdout).toContain('Produktionslogik');
  });

  it('falls back to English, saying so, for a language the file lacks', () => {
    const result = kit('print', 'production-service', '--lang=fi');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<html lang="en">');
    expect(result.stderr).toMatch(/has no texts in "fi"; printing in English/);
  });

  it('prints text from the file as text, never as markup', () => {
    const q = structuredClone(makeQuestionnaire()) as any;
    q.title.en = '</title><script>alert(1)</script>';
    q.items[0].left.en = '<script>alert(1)</script>';
    q.items[1].right.en = '<img src=x onerror="alert(1)">';
    q.dimensions[0].sources[0] = '<script src="https://example.com/x.js"></script>';
    const result = kit('print', write('hostile.json', q));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/<script|<img/i);
    expect(result.stdout).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expectForm(result.stdout, q, 'en');
  });

  it('refuses an invalid file with its problems', () => {
    const file = write('invalid-print.json', damaged((q) => delete q.items[4].left.sv));
    const lines = expectRefused(kit('print', file), file);
    expect(lines.join('\n')).toContain('items[4].left.sv');
  });

  it('refuses an unknown id, listing the shipped ones', () => {
    const lines = expectRefused(kit('print', 'no-such-questionnaire'), 'no-such-questionnaire');
    expect(lines.join('\n')).toMatch(/expected a questionnaire file or one of .*production-service/);
  });
});

describe('shiftmeter validate and print never wait on a file that is not one', () => {
  it('refuses a pipe named like a questionnaire file, at once', () => {
    execFileSync('mkfifo', [path.join(work, 'pipe.json')]);
    for (const run of [kit('validate', 'pipe.json'), kit('print', 'pipe.json')]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('pipe.json: is not a regular file; expected a file');
    }
  });
});

describe('shiftmeter and questionnaire versions', () => {
  it('names an earlier version it does not keep, and says which', () => {
    const run = kit('aggregate', work, '--questionnaire', 'production-service@99');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/production-service@99: no such file, and Shiftmeter keeps no version 99 of "production-service"/);
  });
});
