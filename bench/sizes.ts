import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LoadProfile } from './profile';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface PageSizes {
  page: string;
  /** The mark the files were counted up to. */
  upTo: string;
  js: { raw: number; gzip: number; files: FileSize[] };
  css: { raw: number; gzip: number; files: FileSize[] };
  /** Whether any Chart.js code is among the loaded scripts, and which file holds it. */
  chartJs: { loaded: boolean; files: string[] };
}

/**
 * Strings from Chart.js's own error messages. They survive minification (identifiers
 * such as `_adapters` do not), so they find Chart.js inside any bundle or chunk.
 */
const CHART_JS_MARKERS = ['Canvas is already in use', 'is not a registered', 'complete date adapter'];

/**
 * The JS and CSS a page requested before its mark, read from the extension's directory
 * and gzipped at level 9 one file at a time. The list comes from a trace of the load
 * (profile.ts): Resource Timing lists nothing for chrome-extension:// pages, and the
 * driver's request events arrive too late to tell "just before ready" from "just after".
 */
export async function sizesOf(extensionDir: string, load: LoadProfile): Promise<PageSizes> {
  const js: FileSize[] = [];
  const css: FileSize[] = [];
  const chartFiles: string[] = [];
  const files = [...new Set(load.files.map((f) => f.file.split('#')[0]!))].sort();
  for (const file of files) {
    const kind = /\.m?js$/.test(file) ? js : file.endsWith('.css') ? css : null;
    if (!kind) continue;
    const bytes = await readFile(path.join(extensionDir, file));
    kind.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    if (kind === js && CHART_JS_MARKERS.some((marker) => bytes.includes(marker))) chartFiles.push(file);
  }
  const total = (list: FileSize[]) => ({ raw: list.reduce((sum, f) => sum + f.raw, 0), gzip: list.reduce((sum, f) => sum + f.gzip, 0), files: list });
  return { page: load.page, upTo: load.mark, js: total(js), css: total(css), chartJs: { loaded: chartFiles.length > 0, files: chartFiles } };
}
