// web-ext lint (Mozilla's addons-linter) on the files of a package, as the repo's
// lint:extension runs it on dist/: the Chrome build with --self-hosted (no messages about
// hosting on addons.mozilla.org, where it does not go), the Firefox build without.
// release:check refuses every error, and every warning the allow-list below does not name.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  /** 1-based, where the linter gives one (in scripts) */
  readonly line?: number;
  readonly column?: number;
}

export interface LintResult {
  readonly errors: LintMessage[];
  readonly warnings: LintMessage[];
  readonly notices: LintMessage[];
}

export function webExtLint(root: string, sourceDir: string, { selfHosted }: { selfHosted: boolean }): LintResult {
  const args = [path.join(root, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery', ...(selfHosted ? ['--self-hosted'] : [])];
  // web-ext exits 1 when there are errors; the JSON on stdout says what they are either way.
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  let report: Partial<LintResult>;
  try {
    report = JSON.parse(json) as Partial<LintResult>;
  } catch {
    throw new Error(`web-ext lint gave no report (exit ${String(run.status)}): ${(run.stderr || run.stdout).trim().slice(0, 2000)}`);
  }
  // The linter gives null for a line or column it does not know (a manifest's).
  const plain = (messages: readonly LintMessage[] | undefined): LintMessage[] => (messages ?? []).map(({ code, message, file, line, column }) => ({
    code,
    message,
    ...(typeof file === 'string' ? { file } : {}),
    ...(typeof line === 'number' ? { line } : {}),
    ...(typeof column === 'number' ? { column } : {}),
  }));
  return { errors: plain(report.errors), warnings: plain(report.warnings), notices: plain(report.notices) };
}

export function describeLintMessage(message: LintMessage): string {
  const where = message.file ? `${message.file}${message.line !== undefined ? `:${message.line}${message.column !== undefined ? `:${message.column}` : ''}` : ''}` : undefined;
  return `${message.code}: ${message.message}${where ? ` (${where})` : ''}`;
}

/**
 * A web-ext lint warning that release:check accepts, and why. Every other warning is
 * refused: it comes from our own code or manifest, which can be fixed, or from a library
 * nobody has looked at yet, which someone should read and then list here.
 */
export interface AllowedLintWarning {
  readonly code: string;
  /** the packages it may appear in */
  readonly packages: readonly ('chrome' | 'firefox')[];
  /** the packaged files it may appear in */
  readonly file: RegExp;
  /** the library or the file it comes from, as release:check prints it */
  readonly from: string;
  /**
   * What the flagged code must be, near the line and column the linter gives: so that
   * only that library's code is allowed, not another use in the same bundle.
   */
  readonly at?: RegExp;
  /** one line */
  readonly reason: string;
}

export const ALLOWED_LINT_WARNINGS: readonly AllowedLintWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    packages: ['chrome', 'firefox'],
    file: /^(popup|dashboard)\.js$|^chunks\/(popup|dashboard)-[\w-]+\.js$/,
    from: "Preact's DOM renderer (bundled into the pages)",
    at: /[\w$]\.innerHTML=[\w$]+\.__html\b/,
    reason: 'Preact sets innerHTML only for a dangerouslySetInnerHTML prop, which Shiftmeter never uses (test/unit/release-lint.test.ts checks src/)',
  },
  {
    code: 'BACKGROUND_SERVICE_WORKER_IGNORED',
    packages: ['chrome'],
    file: /^manifest\.json$/,
    from: "the Chrome package's manifest.json",
    reason: 'Chrome and Edge run background.service_worker; the Firefox package has background.scripts only (build.mjs)',
  },
];

/** The text of a packaged file around a line and column (1-based, as the linter gives them). */
function around(text: string, line: number, column: number): string {
  const lineText = text.split('\n')[line - 1] ?? '';
  return lineText.slice(Math.max(0, column - 41), column + 80);
}

/**
 * Sorts a package's lint warnings into those the allow-list accepts (with their rule) and
 * those it refuses. `fileText` gives a packaged file's text, for the rules that say what
 * the flagged code must be.
 */
export function judgeLintWarnings(
  kind: 'chrome' | 'firefox',
  warnings: readonly LintMessage[],
  fileText: (name: string) => string | undefined,
  allowList: readonly AllowedLintWarning[] = ALLOWED_LINT_WARNINGS,
): { allowed: { warning: LintMessage; rule: AllowedLintWarning }[]; refused: LintMessage[] } {
  const allowed: { warning: LintMessage; rule: AllowedLintWarning }[] = [];
  const refused: LintMessage[] = [];
  for (const warning of warnings) {
    const rule = allowList.find((candidate) => {
      if (candidate.code !== warning.code || !candidate.packages.includes(kind)) return false;
      if (warning.file === undefined || !candidate.file.test(warning.file)) return false;
      if (!candidate.at) return true;
      const text = fileText(warning.file);
      return text !== undefined && warning.line !== undefined && warning.column !== undefined && candidate.at.test(around(text, warning.line, warning.column));
    });
    if (rule) allowed.push({ warning, rule });
    else refused.push(warning);
  }
  return { allowed, refused };
}
