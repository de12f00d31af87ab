// npm run package: builds the extension, then writes the release packages to dist/packages/:
//   shiftmeter-<version>-chrome.zip    Chrome Web Store
//   shiftmeter-<version>-edge.zip      Microsoft Edge Add-ons: the Chrome build, the same bytes
//   shiftmeter-<version>-firefox.zip   addons.mozilla.org
//   shiftmeter-<version>-source.zip    the source for AMO's reviewers, with SOURCE-README.md
// The same sources, tools and time give the same bytes (scripts/release/zip.ts).
//   --no-build   package dist/ as it is (after your own `npm run build`)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes } from './release/content-rules';
import { currentBuildTools, packageArchives, packageFileName, releaseTime } from './release/packages';
import { SOURCE_FILES, SOURCE_FOLDERS } from './release/source-files';
import { isExtensionVersion } from './release/versions';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'packages');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { version?: string };

function refuse(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

const version = readJson('package.json').version ?? refuse('package.json has no version');
if (!isExtensionVersion(version)) refuse(`package.json's version ${version} is not one the browsers accept (one to four numbers from 0 to 65535)`);
// build.mjs writes package.json's version into both built manifests; manifest.json must not say another.
const sourceManifestVersion = readJson('manifest.json').version;
if (sourceManifestVersion !== version) refuse(`manifest.json says ${String(sourceManifestVersion)}, package.json says ${version}: set both to the release's version`);

if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' });
for (const browser of ['chrome', 'firefox']) {
  const built = readJson(`dist/${browser}/manifest.json`).version;
  if (built !== version) refuse(`dist/${browser}/manifest.json says ${String(built)}, package.json says ${version}: build again (npm run build)`);
}

const { seconds: time, from } = releaseTime(root);
const archives = packageArchives(root, version, time, currentBuildTools());
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const sums: string[] = [];
for (const [kind, zip] of archives) {
  const name = packageFileName(version, kind);
  writeFileSync(path.join(outDir, name), zip);
  const sha256 = createHash('sha256').update(zip).digest('hex');
  sums.push(`${sha256}  ${name}`);
  console.log(`package: ${path.relative(root, path.join(outDir, name))}  ${formatBytes(zip.length)}  sha256 ${sha256}`);
}
writeFileSync(path.join(outDir, `shiftmeter-${version}.sha256`), `${sums.join('\n')}\n`);
console.log(`package: every file dated ${new Date(time * 1000).toISOString()} (${from}); Edge's package is Chrome's. Check them with npm run release:check`);

// The source package is the working tree: say so when it is not a commit.
try {
  const changed = execFileSync('git', ['status', '--porcelain', '--', ...SOURCE_FILES, ...SOURCE_FOLDERS], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  if (changed) console.warn(`package: warning: the source package holds changes that are not committed, so it matches no commit:\n${changed}`);
} catch {
  // not a git checkout
}
