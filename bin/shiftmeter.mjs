#!/usr/bin/env node
// The survey kit command. It runs the bundle that `npm run build` writes. In a checkout
// (src/ and build.mjs present) it first rebuilds the kit (esbuild, a few hundred
// milliseconds) when the bundle is missing or older than build.mjs or any file under
// src/ or questionnaires/, say after a `git pull`; without the sources it runs the bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/cli/shiftmeter.mjs');
const buildScript = path.join(root, 'build.mjs');
const src = path.join(root, 'src');
const SOURCES = [src, path.join(root, 'questionnaires')];

/**
 * Whether `dir`, or any file or folder under it, was modified after `time` (a folder's
 * time changes when a file in it is added, removed or renamed). Stops at the first.
 * @param {string} dir
 * @param {number} time  milliseconds, as Stats.mtimeMs
 * @returns {boolean}
 */
function changedSince(dir, time) {
  if (statSync(dir).mtimeMs > time) return true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() ? changedSince(file, time) : statSync(file).mtimeMs > time) return true;
  }
  return false;
}

/** Whether the bundle must be built before it runs. */
function needsBuild() {
  if (!existsSync(bundle)) return true;
  // An installed copy without the sources runs the bundle it came with.
  if (!existsSync(buildScript) || !existsSync(src)) return false;
  const built = statSync(bundle).mtimeMs;
  try {
    return statSync(buildScript).mtimeMs > built || SOURCES.some((dir) => existsSync(dir) && changedSince(dir, built));
  } catch {
    // A file went away while we looked: the sources are changing, so build.
    return true;
  }
}

if (needsBuild()) {
  const { buildCli } = /** @type {typeof import('../build.mjs')} */ (await import(pathToFileURL(buildScript).href));
  await buildCli();
}
const { run } = /** @type {typeof import('../src/cli/main')} */ (await import(pathToFileURL(bundle).href));
process.exitCode = await run(process.argv.slice(2));
