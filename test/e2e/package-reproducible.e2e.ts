import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBuildTools, folderEntries } from '../../scripts/release/packages';
import { lockedPackages, sourceEntries, SOURCE_README } from '../../scripts/release/source-files';
import { readZip, writeZip } from '../../scripts/release/zip';

/*
 * The source package rebuilds the browser packages byte for byte (issue #16), as a
 * reviewer at addons.mozilla.org does it: a source package made from this checkout is
 * unpacked into an empty folder, the steps of its SOURCE-README.md are run there, and every
 * file of its dist/chrome and dist/firefox is compared with the repository's, which
 * `npm test` has just built. A whole build takes some seconds on two cores, and needs
 * dist/, so this lives in the e2e project although it starts no browser.
 *
 * One step is not run as written: `npm ci` would need the network. node_modules is made
 * from the repository's instead. The packages the extension bundles (package-lock.json's
 * entries not marked dev) are copied, because esbuild's chunk names hash each bundled
 * module's path and a symlink would resolve to the repository's path; after `npm ci` they
 * are real folders here too. Everything else (esbuild, the icon renderer and the other
 * tools) is symlinked: their paths never reach the output.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'shiftmeter-reproducible-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** node_modules for `dir` made from the repository's: bundled packages copied, the rest linked. */
function installFromRepository(dir: string): void {
  const bundled = new Set(lockedPackages(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).runtime.map(([name]) => name));
  const from = path.join(root, 'node_modules');
  const to = path.join(dir, 'node_modules');
  const place = (name: string) => {
    if (bundled.has(name)) cpSync(path.join(from, name), path.join(to, name), { recursive: true });
    else symlinkSync(path.join(from, name), path.join(to, name));
  };
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    if (!entry.startsWith('@') || ![...bundled].some((name) => name.startsWith(`${entry}/`))) {
      place(entry);
      continue;
    }
    mkdirSync(path.join(to, entry));
    for (const scoped of readdirSync(path.join(from, entry))) place(`${entry}/${scoped}`);
  }
}

/** The files of `dir` by name. */
const filesOf = (dir: string) => new Map(folderEntries(dir).map(({ name, data }) => [name, Buffer.from(data)]));

describe('the source package', () => {
  it('rebuilds dist/chrome and dist/firefox byte for byte by the steps of its SOURCE-README.md', () => {
    for (const browser of ['chrome', 'firefox']) {
      if (!existsSync(path.join(root, 'dist', browser, 'manifest.json'))) throw new Error(`dist/${browser} is missing: npm test builds it before the e2e tests (npm run build)`);
    }
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const started = performance.now();

    // The source package as `npm run package` makes it, unpacked into an empty folder.
    const source = writeZip(sourceEntries(root, version, currentBuildTools()), 0);
    const dir = path.join(scratch, 'source');
    for (const { name, data } of readZip(source)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }

    // Its steps, as SOURCE-README.md gives them.
    const readme = readFileSync(path.join(dir, SOURCE_README), 'utf8');
    const steps = /## Steps[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n') ?? [];
    expect(steps).toEqual(['npm ci', 'npm run build']);
    installFromRepository(dir);
    for (const step of steps.filter((s) => s !== 'npm ci')) {
      const [command, ...args] = step.split(' ');
      execFileSync(command!, args, { cwd: dir, stdio: 'pipe' });
    }

    for (const browser of ['chrome', 'firefox']) {
      const rebuilt = filesOf(path.join(dir, 'dist', browser));
      const shipped = filesOf(path.join(root, 'dist', browser));
      expect([...rebuilt.keys()].sort(), `the files of dist/${browser}`).toEqual([...shipped.keys()].sort());
      expect([...shipped].filter(([name, data]) => !rebuilt.get(name)?.equals(data)).map(([name]) => name), `files of dist/${browser} that differ`).toEqual([]);
      // And so the packages are the same bytes too.
      expect(writeZip(folderEntries(path.join(dir, 'dist', browser)), 0).equals(writeZip(folderEntries(path.join(root, 'dist', browser)), 0))).toBe(true);
    }
    console.log(`package-reproducible: source package made, unpacked, built and compared in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
