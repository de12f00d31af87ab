// What the source package holds: everything `npm ci && npm run build` needs to make
// dist/chrome and dist/firefox, and nothing else (no tests, no node_modules, no dist),
// plus SOURCE-README.md with the exact steps for a store's reviewer.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ZipInput } from './zip';

/** Files at the top of the project that the build reads (tsconfig.json: esbuild reads its JSX settings). */
export const SOURCE_FILES = ['README.md', 'build.mjs', 'managed-schema.json', 'manifest.json', 'package-lock.json', 'package.json', 'tsconfig.json', 'tsconfig.scripts.json', 'store-assets/icon.svg'];
/**
 * Folders taken whole: the sources, the shipped questionnaires, the kit's command that
 * the build runs to validate them (bin/) and the scripts the build imports.
 */
export const SOURCE_FOLDERS = ['bin', 'questionnaires', 'scripts', 'src'];
export const SOURCE_README = 'SOURCE-README.md';

/** Files no package carries, wherever they are: editor and system leftovers, logs, source maps. */
export function isLeftover(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('.') || base.endsWith('~') || /\.(log|map|swp|orig|rej)$/.test(base) || base === 'Thumbs.db' || base === 'node_modules';
}

/** The source package's files other than SOURCE-README.md, '/'-separated and sorted, as they are on disk under `root`. */
export function sourceFileNames(root: string): string[] {
  const names: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = `${relative}/${entry.name}`;
      if (isLeftover(name)) continue;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) names.push(name);
    }
  };
  for (const file of SOURCE_FILES) {
    if (!existsSync(path.join(root, file)) || !statSync(path.join(root, file)).isFile()) throw new Error(`the source package needs ${file}, which is missing`);
    names.push(file);
  }
  for (const folder of SOURCE_FOLDERS) walk(folder);
  return names.sort();
}

export interface BuildTools {
  /** as `node --version` prints it, e.g. v20.20.2 */
  readonly node: string;
  /** as `npm --version` prints it */
  readonly npm: string;
  /** e.g. linux x64 */
  readonly platform: string;
}

interface LockedPackage {
  readonly version?: string;
  readonly resolved?: string;
  readonly dev?: boolean;
}

/** The locked version of each package the extension may bundle (not marked dev) and of the two build tools that shape the output. */
export function lockedPackages(lockText: string): { runtime: [string, LockedPackage][]; tools: [string, LockedPackage][] } {
  const lock = JSON.parse(lockText) as { packages?: Record<string, LockedPackage> };
  const top = Object.entries(lock.packages ?? {}).filter(([key]) => key.startsWith('node_modules/') && !key.slice('node_modules/'.length).includes('node_modules/'));
  const named = top.map(([key, value]): [string, LockedPackage] => [key.slice('node_modules/'.length), value]).sort(([a], [b]) => a.localeCompare(b));
  return {
    runtime: named.filter(([, value]) => !value.dev),
    tools: named.filter(([name]) => name === 'esbuild' || name === '@resvg/resvg-js'),
  };
}

/** SOURCE-README.md: the steps a reviewer follows to rebuild the packages from this source, byte for byte. */
export function sourceReadme(version: string, tools: BuildTools, lockText: string): string {
  const { runtime, tools: buildTools } = lockedPackages(lockText);
  const line = ([name, value]: [string, LockedPackage]) => `- ${name} ${value.version ?? '?'}: https://www.npmjs.com/package/${name}/v/${value.version ?? ''}${value.resolved ? ` (archive: ${value.resolved})` : ''}`;
  return `# Shiftmeter ${version}: how to build it from this source

This archive is the source of three packages of Shiftmeter ${version}:

- \`shiftmeter-${version}-firefox.zip\` for addons.mozilla.org: the files of \`dist/firefox/\`;
- \`shiftmeter-${version}-chrome.zip\` for the Chrome Web Store and
  \`shiftmeter-${version}-edge.zip\` for Microsoft Edge Add-ons: both the files of
  \`dist/chrome/\` (Edge runs the Chrome build, with the same Manifest V3 manifest).

The build bundles and minifies TypeScript with esbuild, so the packaged JavaScript is not
the source as written. Building it again from this archive gives exactly the packaged
files.

## What you need

- Node.js ${tools.node} and npm ${tools.npm}, the versions the packages were built with,
  on ${tools.platform}. (package.json asks for Node 20 or newer. esbuild and the icon
  renderer are native binaries pinned by \`package-lock.json\`, so Node's version should
  not change the output; these are the versions checked.) Prefer Linux on x86-64: the
  icons are rendered by @resvg/resvg-js's binary for the platform.
- Network access for \`npm ci\` only, to the public npm registry. The build itself
  downloads nothing and makes no network request.
- No other tool: no global packages, no web service, nothing commercial.

## Steps

Unpack this archive into an empty folder, then in that folder:

\`\`\`sh
npm ci
npm run build
\`\`\`

\`npm ci\` installs exactly the versions in \`package-lock.json\` into \`node_modules/\` here.
(Install into this folder: esbuild's chunk names hash each bundled module's path, so a
\`node_modules\` that is a link to another folder gives other names for the chunks that
bundle a library.) \`npm run build\` (also \`npm run build-for-amo\`) runs \`node build.mjs\`,
which writes:

- \`dist/firefox/\`: the content of the Firefox package;
- \`dist/chrome/\`: the content of the Chrome and the Edge packages;
- \`dist/cli/\`: the survey kit, a command-line tool that is in no browser package.

To compare, put the package in this folder, unpack it and compare; no output means no
difference:

\`\`\`sh
mkdir firefox-package && cd firefox-package && unzip -q ../shiftmeter-${version}-firefox.zip && cd ..
diff -r dist/firefox firefox-package
\`\`\`

## What the build does

\`build.mjs\` is the whole build, in one plain script:

1. It bundles the survey kit (\`src/cli/\`) and runs it to validate every shipped
   questionnaire and course pack in \`questionnaires/\`; an invalid one stops the build.
2. esbuild bundles \`src/popup/main.tsx\`, \`src/dashboard/main.tsx\` (ES modules, split
   into chunks) and \`src/background.ts\` (one classic script), minified, without source
   maps. Chunk names carry a hash of their content and of the paths of the modules in
   them, so the same source, installed the same way, gives the same names.
   Each questionnaire becomes a chunk of its own, loaded when it is taken.
3. It copies \`src/pages/\` (popup.html and dashboard.html, with preload links added for
   the chunks each page imports), \`src/_locales/\` and \`managed-schema.json\`, and
   renders the icons from \`store-assets/icon.svg\` with @resvg/resvg-js.
4. It writes \`manifest.json\` for each browser from the one in this folder, with the
   version of \`package.json\`. Firefox's has no \`background.service_worker\` (it runs
   \`background.scripts\` as an event page) and no \`storage.managed_schema\`.

The extension loads no remote code: every script is in the package, and its content
security policy allows scripts from the package only (\`script-src 'self'\`) and no
network connections (\`connect-src 'none'\`).

## Third-party libraries in the packages

esbuild bundles these, as locked in \`package-lock.json\`, into the scripts that import them:

${runtime.map(line).join('\n')}

The build tools that shape the output:

${buildTools.map(line).join('\n')}

## Where things are

\`src/core/\` is plain TypeScript with no browser API (questionnaires, scoring, team
rounds, storage formats); \`src/platform/\` is the only code that calls the browser's
extension APIs; \`src/ui/\`, \`src/popup/\` and \`src/dashboard/\` are the pages (Preact);
\`src/background.ts\` plans reminders and applies an organisation's policy. README.md
describes the product.
`;
}

/** The source package's files: the sources as they are under `root`, and SOURCE-README.md. */
export function sourceEntries(root: string, version: string, tools: BuildTools): ZipInput[] {
  const files = sourceFileNames(root).map((name) => ({ name, data: readFileSync(path.join(root, name)) }));
  const lock = files.find((file) => file.name === 'package-lock.json');
  if (!lock) throw new Error('the source package needs package-lock.json');
  return [...files, { name: SOURCE_README, data: Buffer.from(sourceReadme(version, tools, lock.data.toString('utf8'))) }];
}
