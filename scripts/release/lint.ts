// web-ext lint (Mozilla's addons-linter) on the files of a package, as the repo's
// lint:extension runs it on dist/: the Chrome build with --self-hosted (no messages about
// hosting on addons.mozilla.org, where it does not go), the Firefox build without.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
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
  return { errors: report.errors ?? [], warnings: report.warnings ?? [], notices: report.notices ?? [] };
}

export function describeLintMessage(message: LintMessage): string {
  return `${message.code}: ${message.message}${message.file ? ` (${message.file})` : ''}`;
}
