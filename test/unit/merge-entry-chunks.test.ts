import { build } from 'esbuild';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeEntryChunks } from '../../scripts/build/merge-entry-chunks.mjs';

/*
 * The build folds the chunks a page's entry imports into the entry (one file before the
 * first view); the files loaded later must then share the entry's modules, not copies.
 * A small page is built as build.mjs builds one (esbuild, code splitting), merged, and run.
 */

let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true }));

async function sources(files: Record<string, string>) {
  dir = await mkdtemp(path.join(tmpdir(), 'merge-chunks-'));
  await mkdir(path.join(dir, 'src'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'src', name), text);
}

describe('merging an entry with the chunks it imports', () => {
  it('leaves one file before the first view, and the lazy parts share its state and see its later changes', async () => {
    await sources({
      // Shared by the entry and both lazy parts: a counter, and a binding that changes after import.
      'shared.js': 'export let count = 0; export const add = () => ++count; export let stage = "first"; export const next = () => { stage = "later"; };',
      'only-lazy.js': 'import { add } from "./shared.js"; export const lazyHelper = () => add();',
      'lazy-a.js': 'import { add, count } from "./shared.js"; import { lazyHelper } from "./only-lazy.js"; export const a = () => { add(); lazyHelper(); return count; };',
      'lazy-b.js': 'import { stage } from "./shared.js"; import { lazyHelper } from "./only-lazy.js"; export const b = () => { lazyHelper(); return stage; };',
      'page.js': 'import { add, count, next } from "./shared.js"; add(); export const run = async () => { const { a } = await import("./lazy-a.js"); next(); const { b } = await import("./lazy-b.js"); return [a(), b(), count]; };',
    });
    const staging = path.join(dir, 'out');
    const { metafile } = await build({ absWorkingDir: dir, entryPoints: { page: 'src/page.js' }, outdir: staging, bundle: true, splitting: true, format: 'esm', minify: true, metafile: true, chunkNames: 'chunks/page-[name]-[hash]', logLevel: 'silent' });
    const chunksBefore = await readdir(path.join(staging, 'chunks'));
    expect(chunksBefore.length, 'the page imports a chunk it shares with lazy-a and lazy-b').toBeGreaterThanOrEqual(3);

    await mergeEntryChunks(metafile, ['page'], { staging, root: dir, target: ['node20'], sourcemap: false });

    const entry = await readFile(path.join(staging, 'page.js'), 'utf8');
    expect(entry, 'no static import of a chunk is left in the entry').not.toMatch(/^import\s*\{[^}]*\}\s*from/m);
    expect(entry).not.toMatch(/from\s*"\.\/chunks\//);
    const chunksAfter = await readdir(path.join(staging, 'chunks'));
    const merged = chunksBefore.filter((file) => !chunksAfter.includes(file));
    expect(merged, 'the one chunk the entry imported is gone').toHaveLength(1);
    // A chunk only the lazy files share stays theirs; none refers to the merged one.
    for (const file of chunksAfter) expect(await readFile(path.join(staging, 'chunks', file), 'utf8')).not.toContain(merged[0]);

    const page = (await import(pathToFileURL(path.join(staging, 'page.js')).href)) as { run: () => Promise<[number, string, number]> };
    // One counter across the entry and both lazy files (1 at start, +2 in a, +1 in b), and
    // lazy-b sees the entry's later change to a live binding.
    expect(await page.run()).toEqual([3, 'later', 4]);
  });
});
