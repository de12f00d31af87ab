// npm run release:check: refuses the packages in dist/packages/ (npm run package) unless
//   - package.json, manifest.json, package-lock.json (twice), the manifests in the packages,
//     the source package and CHANGELOG.md's latest entry all give one version (and
//     Unreleased is empty);
//   - web-ext lint finds no error in the Chrome and the Firefox package, and no warning but
//     those ALLOWED_LINT_WARNINGS (scripts/release/lint.ts) names, each printed with its reason;
//   - no package holds a test, a source map or a development file, each browser package
//     holds every file its manifest names and runs no script from elsewhere, and each
//     archive is made as package.ts makes it (sorted, one time, mode 644); Edge's is Chrome's;
//   - each package is within its size budget (actual and budget printed).
//     --allow-unreleased   a dry run before the CHANGELOG is written: Unreleased entries only warn
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveProblems, extensionProblems, forbiddenFile, formatBytes, PACKAGE_KINDS, packageFileName, sizeProblems, sizeReport, type PackageKind, type SizeReport } from './release/content-rules';
import { describeLintMessage, judgeLintWarnings, webExtLint } from './release/lint';
import { SOURCE_README } from './release/source-files';
import { changelogEntries, versionProblems, type VersionSource } from './release/versions';
import { readZip, type ZipEntry } from './release/zip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = path.join(root, 'dist', 'packages');
const problems: string[] = [];
const warnings: string[] = [];
const versionOf = (text: string | undefined): string | undefined => {
  try {
    const version = text === undefined ? undefined : (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
};

const version = versionOf(readFileSync(path.join(root, 'package.json'), 'utf8')) ?? '';
console.log(`release:check: Shiftmeter ${version}, packages in ${path.relative(root, packagesDir)}/`);

// Each package, read and checked entry by entry (CRC, sizes, safe names).
const zips = new Map<PackageKind, { zip: Buffer; entries: ZipEntry[] }>();
for (const kind of PACKAGE_KINDS) {
  const file = path.join(packagesDir, packageFileName(version, kind));
  if (!existsSync(file)) {
    problems.push(`${path.relative(root, file)} is missing: run npm run package`);
    continue;
  }
  const zip = readFileSync(file);
  try {
    zips.set(kind, { zip, entries: readZip(zip) });
  } catch (error) {
    problems.push(`${packageFileName(version, kind)} cannot be read as a ZIP: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const entry = (kind: PackageKind, name: string) => zips.get(kind)?.entries.find((e) => e.name === name)?.data.toString('utf8');

// One version.
const lockText = readFileSync(path.join(root, 'package-lock.json'), 'utf8');
const lockRoot = (() => {
  try {
    return JSON.stringify((JSON.parse(lockText) as { packages?: Record<string, unknown> }).packages?.[''] ?? {});
  } catch {
    return undefined;
  }
})();
const sources: VersionSource[] = [
  { source: 'manifest.json', version: versionOf(readFileSync(path.join(root, 'manifest.json'), 'utf8')) },
  // npm writes package.json's version twice into the lock file, which the source package carries.
  { source: 'package-lock.json', version: versionOf(lockText) },
  { source: 'package-lock.json\'s root package', version: versionOf(lockRoot) },
];
for (const kind of ['chrome', 'edge', 'firefox'] as const) if (zips.has(kind)) sources.push({ source: `the ${kind} package's manifest.json`, version: versionOf(entry(kind, 'manifest.json')) });
if (zips.has('source')) {
  sources.push({ source: "the source package's package.json", version: versionOf(entry('source', 'package.json')) });
  sources.push({ source: "the source package's manifest.json", version: versionOf(entry('source', 'manifest.json')) });
}
const changelogFile = path.join(root, 'CHANGELOG.md');
const changelog = existsSync(changelogFile) ? changelogEntries(readFileSync(changelogFile, 'utf8')) : [];
const versions = versionProblems(version, sources, changelog, { allowUnreleased: process.argv.includes('--allow-unreleased') });
problems.push(...versions.problems);
warnings.push(...versions.warnings);
const latest = changelog.find((e) => e.version.toLowerCase() !== 'unreleased');
console.log('\nversions');
for (const { source, version: v } of [{ source: 'package.json', version }, ...sources, { source: "CHANGELOG.md's latest entry", version: latest ? `${latest.version} (${latest.date ?? 'no date'})` : undefined }]) {
  console.log(`  ${source.padEnd(38)} ${v ?? '(none)'}`);
}

// What is in each package.
for (const [kind, { entries }] of zips) {
  const name = packageFileName(version, kind);
  for (const problem of archiveProblems(entries)) problems.push(`${name}: ${problem}`);
  for (const e of entries) {
    const why = forbiddenFile(kind, e.name, e.data);
    if (why) problems.push(`${name} holds ${e.name}: ${why}`);
  }
  if (kind === 'source') {
    for (const needed of [SOURCE_README, 'package.json', 'package-lock.json', 'build.mjs', 'manifest.json']) {
      if (!entries.some((e) => e.name === needed)) problems.push(`${name} lacks ${needed}`);
    }
  } else {
    for (const problem of extensionProblems(entries)) problems.push(`${name}: ${problem}`);
  }
}
const chrome = zips.get('chrome');
const edge = zips.get('edge');
if (chrome && edge && !chrome.zip.equals(edge.zip)) problems.push("the Edge package is not the Chrome package byte for byte; Edge runs the Chrome build");

// Sizes against their budgets.
const reports: SizeReport[] = [...zips].map(([kind, { zip, entries }]) => sizeReport(kind, zip, entries));
console.log('\nsizes                 zipped of budget               unpacked of budget');
for (const report of reports) {
  const over = sizeProblems(report);
  problems.push(...over);
  console.log(`  ${report.kind.padEnd(8)}  ${`${formatBytes(report.zipped)} of ${formatBytes(report.budget.zipped)}`.padEnd(30)} ${formatBytes(report.unpacked)} of ${formatBytes(report.budget.unpacked)}${over.length > 0 ? '  OVER' : ''}`);
}

// web-ext lint on the files as packaged.
console.log('\nweb-ext lint');
const scratch = mkdtempSync(path.join(tmpdir(), 'shiftmeter-release-check-'));
try {
  for (const kind of ['chrome', 'firefox'] as const) {
    const zip = zips.get(kind);
    if (!zip) continue;
    const dir = path.join(scratch, kind);
    for (const e of zip.entries) {
      mkdirSync(path.dirname(path.join(dir, e.name)), { recursive: true });
      writeFileSync(path.join(dir, e.name), e.data);
    }
    const result = webExtLint(root, dir, { selfHosted: kind === 'chrome' });
    const { allowed, refused } = judgeLintWarnings(kind, result.warnings, (name) => zip.entries.find((e) => e.name === name)?.data.toString('utf8'));
    console.log(`  ${kind}: ${result.errors.length} errors, ${result.warnings.length} warnings (${allowed.length} allowed), ${result.notices.length} notices`);
    for (const error of result.errors) {
      console.log(`    error ${describeLintMessage(error)}`);
      problems.push(`web-ext lint on the ${kind} package: ${describeLintMessage(error)}`);
    }
    for (const warning of refused) {
      console.log(`    warning ${describeLintMessage(warning)}`);
      problems.push(`web-ext lint on the ${kind} package warns ${describeLintMessage(warning)}: fix it, or list it with its reason in ALLOWED_LINT_WARNINGS (scripts/release/lint.ts)`);
    }
    for (const { warning, rule } of allowed) console.log(`    allowed ${warning.code} in ${warning.file ?? '?'}: from ${rule.from}; ${rule.reason}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// What the stores will ask for beside the packages.
const placeholders = ['en', 'sv', 'da'].flatMap((language) => {
  const file = `store-assets/listing/${language}/listing.json`;
  if (!existsSync(path.join(root, file))) return [`${file} is missing`];
  const links = (JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { links?: Record<string, string> }).links ?? {};
  const fields = Object.entries(links).filter(([, link]) => link.startsWith('PLACEHOLDER')).map(([field]) => field);
  return fields.length > 0 ? [`${file} (links: ${fields.join(', ')})`] : [];
});
const policyFile = path.join(root, 'docs', 'privacy-policy.md');
if (!existsSync(policyFile)) problems.push('docs/privacy-policy.md is missing: every store asks for a privacy policy');
else if (readFileSync(policyFile, 'utf8').includes('PLACEHOLDER')) placeholders.push('docs/privacy-policy.md (the contact)');
if (existsSync(changelogFile) && readFileSync(changelogFile, 'utf8').includes('PLACEHOLDER')) placeholders.push("CHANGELOG.md (the repository's address in the links)");
if (placeholders.length > 0) warnings.push(`placeholders to fill in before the listings are submitted: ${placeholders.join('; ')}`);

// What a release should be made from.
try {
  const changed = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  if (changed) warnings.push(`the working tree has uncommitted changes (${changed.split('\n').length} paths): release from a commit, so the source package matches it`);
} catch {
  // not a git checkout
}

console.log('');
for (const warning of warnings) console.warn(`release:check: warning: ${warning}`);
for (const problem of problems) console.error(`release:check: refused: ${problem}`);
console.log(problems.length === 0 ? `release:check: the packages of ${version} may be uploaded` : `release:check: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}; nothing may be uploaded until ${problems.length === 1 ? 'it is' : 'they are'} fixed`);
process.exitCode = problems.length === 0 ? 0 : 1;
