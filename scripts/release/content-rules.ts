// What release:check holds each package to, beyond its versions and web-ext lint:
// no tests, source maps or development files; every file the manifest names present;
// no script from elsewhere; the ZIP made as package.ts makes it; a size budget.
import type { ZipEntry } from './zip';

export type PackageKind = 'chrome' | 'edge' | 'firefox' | 'source';
export const PACKAGE_KINDS: readonly PackageKind[] = ['chrome', 'edge', 'firefox', 'source'];

export function packageFileName(version: string, kind: PackageKind): string {
  return `shiftmeter-${version}-${kind}.zip`;
}

/**
 * Budgets in bytes: the archive as uploaded and its files unpacked. Set on 2026-12-02 from
 * the packages of 0.1.0 and what came after it (each browser package 607.6 KB zipped,
 * 1.83 MB unpacked; the source 659.1 KB zipped, 1.91 MB unpacked), with a quarter more as
 * headroom: a package over its budget has grown by a quarter since, which someone should
 * decide on purpose (and then raise the budget here, saying why).
 */
export const SIZE_BUDGETS: Readonly<Record<PackageKind, { zipped: number; unpacked: number }>> = {
  chrome: { zipped: 760 * 1024, unpacked: 2.3 * 1024 * 1024 },
  edge: { zipped: 760 * 1024, unpacked: 2.3 * 1024 * 1024 },
  firefox: { zipped: 760 * 1024, unpacked: 2.3 * 1024 * 1024 },
  source: { zipped: 830 * 1024, unpacked: 2.4 * 1024 * 1024 },
};

const TEST_FILE = /(^|\/)(test|tests|__tests__|__mocks__|e2e|fixtures)\/|\.(test|spec|e2e)\.[cm]?[jt]sx?$/;
const SOURCE_MAP = /\.map$/;
/** Development files that have no place in a browser package. */
const DEVELOPMENT_FILE = /(^|\/)(node_modules|\.git|\.github|\.vscode|\.idea|web-ext-artifacts|dist|bench|src)\/|(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|vitest\.config\.[cm]?[jt]s|eslint\.config\.[cm]?js|build\.mjs|README(\.md)?|CHANGELOG(\.md)?|\.npmrc|\.env[^/]*|\.gitignore|\.DS_Store|Thumbs\.db)$|\.([cm]?tsx?|log|swp|orig|rej)$|~$/;
/** What no package carries, the source one included: installed modules, builds, secrets, logs. */
const NEVER_IN_SOURCE = /(^|\/)(node_modules|dist|\.git|web-ext-artifacts|coverage|test-results)\/|(^|\/)(\.npmrc|\.env[^/]*|\.DS_Store|Thumbs\.db)$|\.(log|swp|orig|rej)$|~$/;

const TEXT_FILE = /\.(m?js|css|html|json|svg|txt)$/;

/** Why a package may not hold a file, or undefined. */
export function forbiddenFile(kind: PackageKind, name: string, data: Uint8Array): string | undefined {
  if (SOURCE_MAP.test(name)) return 'a source map';
  if (TEST_FILE.test(name)) return 'a test';
  if (kind === 'source') {
    if (NEVER_IN_SOURCE.test(name)) return 'not part of the source (installed modules, build output, a secret or a leftover)';
    return undefined;
  }
  if (DEVELOPMENT_FILE.test(name)) return 'a development file';
  if (TEXT_FILE.test(name) && Buffer.from(data).includes('sourceMappingURL')) return 'a reference to a source map (sourceMappingURL)';
  return undefined;
}

/** The files a package's manifest names, and the messages its __MSG_ placeholders need. */
function manifestReferences(manifest: Record<string, unknown>): string[] {
  const files = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string') files.add(value.replace(/^\//, ''));
  };
  const values = (value: unknown) => Object.values((value ?? {}) as Record<string, unknown>);
  values(manifest.icons).forEach(add);
  const action = (manifest.action ?? {}) as Record<string, unknown>;
  add(action.default_popup);
  values(action.default_icon).forEach(add);
  add((manifest.options_ui as Record<string, unknown> | undefined)?.page);
  add(manifest.options_page);
  const background = (manifest.background ?? {}) as Record<string, unknown>;
  add(background.service_worker);
  add(background.page);
  (Array.isArray(background.scripts) ? background.scripts : []).forEach(add);
  add((manifest.storage as Record<string, unknown> | undefined)?.managed_schema);
  if (typeof manifest.default_locale === 'string') files.add(`_locales/${manifest.default_locale}/messages.json`);
  return [...files].sort();
}

/** What is wrong with a browser package's manifest and pages: missing files, missing messages, code from elsewhere. */
export function extensionProblems(entries: readonly ZipEntry[]): string[] {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const manifestEntry = byName.get('manifest.json');
  if (!manifestEntry) return ['no manifest.json at the top of the package'];
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestEntry.data.toString()) as Record<string, unknown>;
  } catch (error) {
    return [`manifest.json is not JSON: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${String(manifest.manifest_version)}, not 3`);
  for (const file of manifestReferences(manifest)) {
    if (!byName.has(file)) problems.push(`the manifest names ${file}, which is not in the package`);
  }
  if (typeof manifest.default_locale === 'string') {
    const messagesEntry = byName.get(`_locales/${manifest.default_locale}/messages.json`);
    const messages = messagesEntry ? (JSON.parse(messagesEntry.data.toString()) as Record<string, unknown>) : {};
    for (const [, key] of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) {
      if (!(key! in messages)) problems.push(`the manifest uses __MSG_${key}__, which _locales/${manifest.default_locale}/messages.json lacks`);
    }
  }
  const policy = (manifest.content_security_policy as Record<string, unknown> | undefined)?.extension_pages;
  const scriptSources = typeof policy === 'string' ? /(?:^|;)\s*script-src([^;]*)/.exec(policy)?.[1]?.trim().split(/\s+/) : undefined;
  if (!scriptSources || scriptSources.some((source) => source !== "'self'")) problems.push(`the content security policy's script-src is ${scriptSources ? scriptSources.join(' ') : 'not set'}; the packages run only their own scripts ('self')`);
  for (const entry of entries.filter((e) => e.name.endsWith('.html'))) {
    for (const [, url] of entry.data.toString().matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url!)) problems.push(`${entry.name} loads ${url} from elsewhere`);
      else if (!byName.has(url!.replace(/^\.?\//, '').split(/[?#]/)[0]!)) problems.push(`${entry.name} loads ${url}, which is not in the package`);
    }
  }
  return problems;
}

/** What is wrong with how an archive was made: package.ts sorts, fixes time and mode, and writes no directory entries. */
export function archiveProblems(entries: readonly ZipEntry[]): string[] {
  const problems: string[] = [];
  const names = entries.map((entry) => entry.name);
  const sorted = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (names.some((name, i) => name !== sorted[i])) problems.push('its files are not in sorted order');
  const times = new Set(entries.map((entry) => entry.time));
  if (times.size > 1) problems.push(`its files carry ${times.size} different times, not one`);
  const modes = new Set(entries.map((entry) => entry.mode.toString(8)));
  if (modes.size !== 1 || !modes.has('644')) problems.push(`its files have modes ${[...modes].join(', ')}, not 644`);
  return problems;
}

export interface SizeReport {
  readonly kind: PackageKind;
  readonly zipped: number;
  readonly unpacked: number;
  readonly budget: { zipped: number; unpacked: number };
}

export function sizeReport(kind: PackageKind, zip: Buffer, entries: readonly ZipEntry[]): SizeReport {
  return { kind, zipped: zip.length, unpacked: entries.reduce((sum, entry) => sum + entry.data.length, 0), budget: SIZE_BUDGETS[kind] };
}

export function sizeProblems(report: SizeReport): string[] {
  const problems: string[] = [];
  if (report.zipped > report.budget.zipped) problems.push(`${report.kind}: ${formatBytes(report.zipped)} zipped, over its budget of ${formatBytes(report.budget.zipped)}`);
  if (report.unpacked > report.budget.unpacked) problems.push(`${report.kind}: ${formatBytes(report.unpacked)} unpacked, over its budget of ${formatBytes(report.budget.unpacked)}`);
  return problems;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
