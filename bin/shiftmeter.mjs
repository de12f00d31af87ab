#!/usr/bin/env node
// The survey kit command. It runs the bundle that `npm run build` writes; in a fresh
// checkout without one, it builds the kit first (esbuild, a few hundred milliseconds).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/cli/shiftmeter.mjs');
if (!existsSync(bundle)) {
  const { buildCli } = await import(pathToFileURL(path.join(root, 'build.mjs')).href);
  await buildCli();
}
const { run } = await import(pathToFileURL(bundle).href);
process.exitCode = await run(process.argv.slice(2));
