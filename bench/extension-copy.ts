import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BLANK_PAGE = 'blank.html';

/**
 * A copy of the built extension with one extra page that does nothing but mark itself
 * ready: the floor every page is compared with, measured in the same browser and run.
 * It lives only in the copy, so the shipped extension never carries a bench page.
 * Like the real pages it loads one module script, so both pay the same script cost.
 */
export async function prepareBenchExtension(distDir: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shiftmeter-bench-ext-'));
  await cp(distDir, dir, { recursive: true });
  await writeFile(path.join(dir, BLANK_PAGE), pageWithModule('blank', 'blank.js'));
  await writeFile(path.join(dir, 'blank.js'), "performance.mark('shiftmeter:ready');\n");
  return dir;
}

/** A bench page: an empty body and one module script, as the extension's own pages load theirs. */
export function pageWithModule(title: string, script: string): string {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<script type="module" src="${script}"></script>\n</body>\n</html>\n`;
}
