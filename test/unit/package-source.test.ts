import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseTime } from '../../scripts/release/packages';
import { lockedPackages, sourceFileNames, sourceReadme, SOURCE_FILES } from '../../scripts/release/source-files';
import { ZIP_EPOCH } from '../../scripts/release/zip';

// The source package for addons.mozilla.org's reviewers (scripts/release/source-files.ts):
// what the build reads, nothing it does not, and a SOURCE-README.md with the steps. That
// the steps really rebuild dist/ byte for byte is test/e2e/package-reproducible.e2e.ts.

const root = process.cwd();
const names = sourceFileNames(root);
const TOOLS = { node: 'v20.20.2', npm: '11.19.1', platform: 'linux x64' };

describe('the source package', () => {
  it('holds every file the build reads', () => {
    for (const file of ['build.mjs', 'scripts/shipped-files.mjs', 'bin/shiftmeter.mjs', 'manifest.json', 'managed-schema.json', 'package.json', 'package-lock.json', 'tsconfig.json', 'store-assets/icon.svg', 'src/background.ts', 'src/popup/main.tsx', 'src/dashboard/main.tsx', 'src/cli/main.ts', 'src/pages/popup.html', 'src/_locales/en/messages.json', 'questionnaires/production-service.json', 'questionnaires/lock.json']) {
      expect(names, file).toContain(file);
    }
    expect(names.some((name) => name.startsWith('questionnaires/earlier/'))).toBe(true);
  });

  it('holds the local modules build.mjs and bin/shiftmeter.mjs import', () => {
    for (const script of ['build.mjs', 'bin/shiftmeter.mjs']) {
      const imports = [...readFileSync(script, 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+\.m?js)['"]/g)].map(([, specifier]) => specifier!);
      for (const specifier of imports) {
        const file = new URL(specifier, new URL(script, 'file:///')).pathname.slice(1);
        if (file.startsWith('dist/')) continue; // the kit's bundle, which the build writes
        expect(names, `${script} imports ${specifier}`).toContain(file);
      }
    }
  });

  it('holds no tests, builds, installed modules, benchmarks, docs or hidden files', () => {
    const outside = names.filter((name) => /^(test|bench|docs|dist|node_modules|\.ci|\.git)\//.test(name) || /(^|\/)\./.test(name) || /\.(map|log)$/.test(name));
    expect(outside).toEqual([]);
    expect(names.filter((name) => !name.includes('/')).sort()).toEqual(SOURCE_FILES.filter((file) => !file.includes('/')).sort());
  });
});

describe('SOURCE-README.md', () => {
  const lock = readFileSync('package-lock.json', 'utf8');
  const readme = sourceReadme('1.2.0', TOOLS, lock);

  it('gives the tools, the steps and where the output is', () => {
    expect(readme).toContain('Node.js v20.20.2 and npm 11.19.1');
    expect(readme).toMatch(/```sh\nnpm ci\nnpm run build\n```/);
    expect(readme).toContain('`dist/firefox/`: the content of the Firefox package');
    expect(readme).toContain('`dist/chrome/`: the content of the Chrome and the Edge packages');
    expect(readme).toContain('shiftmeter-1.2.0-firefox.zip');
  });

  it('lists every library the extension may bundle, at its locked version', () => {
    const dependencies = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const { runtime } = lockedPackages(lock);
    for (const name of dependencies) expect(runtime.map(([n]) => n)).toContain(name);
    for (const [name, { version }] of runtime) expect(readme).toContain(`- ${name} ${version}: https://www.npmjs.com/package/${name}/v/${version}`);
  });
});

describe('releaseTime', () => {
  it('takes SOURCE_DATE_EPOCH, else the last commit, else 1980', () => {
    expect(releaseTime(root, { SOURCE_DATE_EPOCH: '1800000000' })).toEqual({ seconds: 1800000000, from: 'SOURCE_DATE_EPOCH' });
    expect(() => releaseTime(root, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
    expect(releaseTime('/', {})).toEqual({ seconds: ZIP_EPOCH, from: 'no commit to date them by' });
  });
});
