import { describe, expect, it } from 'vitest';
import { archiveProblems, extensionProblems, forbiddenFile, SIZE_BUDGETS, sizeProblems } from '../../scripts/release/content-rules';
import { changelogEntries, isExtensionVersion, versionProblems } from '../../scripts/release/versions';
import { readZip, writeZip, type ZipEntry } from '../../scripts/release/zip';
import { readFileSync } from 'node:fs';

// What release:check refuses (scripts/release/content-rules.ts, versions.ts), on made-up
// packages: the real ones exist only after a build, which the e2e project tests.

const TIME = 1_800_000_000;
const text = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const manifest = {
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: '1.2.0',
  default_locale: 'en',
  icons: { 16: 'icons/icon-16.png' },
  action: { default_popup: 'popup.html', default_icon: { 16: 'icons/icon-16.png' } },
  options_ui: { page: 'dashboard.html' },
  background: { service_worker: 'background.js', scripts: ['background.js'] },
  storage: { managed_schema: 'managed-schema.json' },
  content_security_policy: { extension_pages: "default-src 'self'; script-src 'self'; connect-src 'none'" },
};
const goodFiles = () => new Map<string, Buffer>([
  ['manifest.json', text(manifest)],
  ['_locales/en/messages.json', text({ extName: { message: 'Shiftmeter' }, extDescription: { message: 'x' } })],
  ['icons/icon-16.png', Buffer.from([0x89, 0x50])],
  ['popup.html', text('<script type="module" src="popup.js"></script><link rel="modulepreload" href="chunks/a.js">')],
  ['popup.js', text('import "./chunks/a.js";')],
  ['chunks/a.js', text('export {};')],
  ['dashboard.html', text('<script type="module" src="./popup.js"></script>')],
  ['background.js', text('(()=>{})();')],
  ['managed-schema.json', text({ type: 'object' })],
]);
const entriesOf = (files: Map<string, Buffer>): ZipEntry[] => readZip(writeZip([...files].map(([name, data]) => ({ name, data })), TIME));

describe('forbiddenFile', () => {
  it('lets a browser package hold what the build writes', () => {
    for (const name of goodFiles().keys()) expect(forbiddenFile('chrome', name, goodFiles().get(name)!), name).toBeUndefined();
  });

  it('refuses tests, source maps and development files in a browser package', () => {
    const refused: [string, string, RegExp][] = [
      ['popup.js.map', '{}', /source map/],
      ['chunks/a.js', 'x();\n//# sourceMappingURL=a.js.map', /sourceMappingURL/],
      ['popup.js', 'x();//# sourceMappingURL=data:application/json;base64,e30=', /sourceMappingURL/],
      ['test/unit/a.test.ts', '', /test/],
      ['chunks/helper.spec.js', '', /test/],
      ['src/core/scoring.ts', '', /development/],
      ['package.json', '{}', /development/],
      ['tsconfig.json', '{}', /development/],
      ['node_modules/preact/index.js', '', /development/],
      ['.DS_Store', '', /development/],
      ['.env', '', /development/],
      ['debug.log', '', /development/],
    ];
    for (const [name, content, why] of refused) expect(forbiddenFile('firefox', name, text(content)), name).toMatch(why);
  });

  it('lets the source package hold sources, but no installed modules, builds, secrets or tests', () => {
    for (const name of ['src/core/scoring.ts', 'package.json', 'package-lock.json', 'build.mjs', 'SOURCE-README.md', 'tsconfig.json']) expect(forbiddenFile('source', name, text('')), name).toBeUndefined();
    for (const name of ['node_modules/esbuild/package.json', 'dist/chrome/popup.js', '.npmrc', '.env.local', 'test/unit/x.test.ts', 'src/x.map', 'npm-debug.log']) expect(forbiddenFile('source', name, text('')), name).toBeDefined();
  });
});

describe('extensionProblems', () => {
  it('finds nothing wrong with a package that holds what its manifest names', () => {
    expect(extensionProblems(entriesOf(goodFiles()))).toEqual([]);
  });

  it('names a file the manifest needs that is missing, and a message the manifest uses that is missing', () => {
    const files = goodFiles();
    files.delete('icons/icon-16.png');
    files.set('_locales/en/messages.json', text({ extName: { message: 'Shiftmeter' } }));
    expect(extensionProblems(entriesOf(files))).toEqual([
      'the manifest names icons/icon-16.png, which is not in the package',
      'the manifest uses __MSG_extDescription__, which _locales/en/messages.json lacks',
    ]);
  });

  it('refuses scripts from elsewhere, in a page or allowed by the content security policy', () => {
    const files = goodFiles();
    files.set('dashboard.html', text('<script src="https://cdn.example/lib.js"></script>'));
    files.set('manifest.json', text({ ...manifest, content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } }));
    const problems = extensionProblems(entriesOf(files));
    expect(problems).toContainEqual(expect.stringMatching(/dashboard\.html loads https:\/\/cdn\.example\/lib\.js from elsewhere/));
    expect(problems).toContainEqual(expect.stringMatching(/script-src is 'self' https:\/\/cdn\.example/));
  });

  it('refuses a package without a manifest at its top', () => {
    const files = goodFiles();
    files.set('shiftmeter/manifest.json', files.get('manifest.json')!);
    files.delete('manifest.json');
    expect(extensionProblems(entriesOf(files))).toEqual(['no manifest.json at the top of the package']);
  });
});

describe('archiveProblems', () => {
  it('accepts what writeZip makes', () => {
    expect(archiveProblems(entriesOf(goodFiles()))).toEqual([]);
  });

  it('names unsorted files, mixed times and other modes', () => {
    const entries = entriesOf(goodFiles());
    const [first, second, ...rest] = entries;
    expect(archiveProblems([second!, first!, ...rest])).toEqual(['its files are not in sorted order']);
    expect(archiveProblems([{ ...first!, time: TIME + 60 }, second!, ...rest])).toEqual(['its files carry 2 different times, not one']);
    expect(archiveProblems([{ ...first!, mode: 0o755 }, second!, ...rest])).toEqual(['its files have modes 755, 644, not 644']);
  });
});

describe('sizeProblems', () => {
  it('refuses a package over its zipped or its unpacked budget, and says both figures', () => {
    const budget = SIZE_BUDGETS.firefox;
    expect(sizeProblems({ kind: 'firefox', zipped: budget.zipped, unpacked: budget.unpacked, budget })).toEqual([]);
    expect(sizeProblems({ kind: 'firefox', zipped: budget.zipped + 1, unpacked: budget.unpacked + 1, budget })).toEqual([
      `firefox: 760.0 KB zipped, over its budget of 760.0 KB`,
      `firefox: 2.30 MB unpacked, over its budget of 2.30 MB`,
    ]);
  });
});

describe('versions', () => {
  it('are ones every browser accepts', () => {
    for (const version of ['0.1.0', '1', '1.2.3.4', '65535.0.0']) expect(isExtensionVersion(version), version).toBe(true);
    for (const version of ['0.0.0', '01.2.0', '1.2.3.4.5', '1.2.3-beta', '65536.0', 'v1.0', '']) expect(isExtensionVersion(version), version).toBe(false);
  });

  it('read the CHANGELOG newest first, with Unreleased and its entries', () => {
    const entries = changelogEntries('# Changelog\n\n## [Unreleased]\n\n### Added\n\n- one\n- two\n  more of two\n\n## [1.1.0] - 2027-01-31\n\n- three\n\n## 1.0.0 - 2026-12-01\n');
    expect(entries).toEqual([
      { version: 'Unreleased', date: undefined, items: 2 },
      { version: '1.1.0', date: '2027-01-31', items: 1 },
      { version: '1.0.0', date: '2026-12-01', items: 0 },
    ]);
  });

  it('must agree everywhere, with the CHANGELOG written up', () => {
    const changelog = changelogEntries('## [Unreleased]\n\n## [1.1.0] - 2027-01-31\n- x\n');
    expect(versionProblems('1.1.0', [{ source: 'manifest.json', version: '1.1.0' }], changelog)).toEqual({ problems: [], warnings: [] });
    expect(versionProblems('1.2.0', [{ source: 'manifest.json', version: '1.1.0' }, { source: 'the firefox package', version: undefined }], changelog).problems).toEqual([
      'manifest.json says 1.1.0, package.json says 1.2.0',
      'the firefox package has no version',
      "CHANGELOG.md's latest entry is 1.1.0, package.json says 1.2.0",
    ]);
    const unreleased = changelogEntries('## [Unreleased]\n- new\n\n## [1.1.0]\n- x\n');
    expect(versionProblems('1.1.0', [], unreleased).problems).toEqual([
      expect.stringMatching(/Unreleased section has 1 entry/),
      "CHANGELOG.md's entry for 1.1.0 has no date (## [1.1.0] - YYYY-MM-DD)",
    ]);
    expect(versionProblems('1.1.0', [], unreleased, { allowUnreleased: true }).warnings).toEqual([expect.stringMatching(/Unreleased section has 1 entry/)]);
  });

  it("agree in this repository: package.json, manifest.json, package-lock.json and the CHANGELOG's latest version", () => {
    const version = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    const latest = changelogEntries(readFileSync('CHANGELOG.md', 'utf8')).find((entry) => entry.version !== 'Unreleased');
    expect(version('manifest.json')).toBe(version('package.json'));
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { version: string; packages: Record<string, { version?: string }> };
    expect([lock.version, lock.packages['']?.version]).toEqual([version('package.json'), version('package.json')]);
    expect(latest?.version).toBe(version('package.json'));
    expect(latest?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
