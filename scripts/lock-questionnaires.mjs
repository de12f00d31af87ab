#!/usr/bin/env node
// Records a content hash per questionnaire id and version in questionnaires/lock.json.
//   npm run lock                       lock the shipped questionnaires
//   node scripts/lock-questionnaires.mjs DIR   lock the questionnaires in DIR (for tests)
// It adds entries for new id@version pairs and never changes an existing one: results
// answered on a version are compared as the same questions, so a locked version's
// content must not change. Change an item's meaning, bump the version, run it again.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { readEarlierQuestionnaires, readShippedFiles } from './shipped-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The canonicalizer the tests use, bundled from its TypeScript source, so there is only one.
 * @returns {Promise<typeof import('../src/core/questionnaire/canonical').canonicalJson>}
 */
async function loadCanonicalJson() {
  const result = await build({
    entryPoints: [path.join(root, 'src/core/questionnaire/canonical.ts')],
    bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'error',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild returned no bundle of canonical.ts');
  const code = output.text;
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.canonicalJson;
}

/**
 * Questionnaire files as build.mjs ships them: every *.json but schemas and the lock.
 * @param {string} dir
 * @returns {Promise<{ name: string, data: import('../src/core/questionnaire/types').Questionnaire }[]>}
 */
async function questionnaireFiles(dir) {
  // Earlier versions stay locked too: moving a version into earlier/ must not change it.
  const earlier = readEarlierQuestionnaires(path.join(dir, 'earlier')).map(({ name, data }) => ({ name: `earlier/${name}`, data }));
  return [...readShippedFiles('questionnaire', dir).map(({ name, data }) => ({ name, data })), ...earlier];
}

/**
 * The lock: a content hash by `id@version`; empty when there is no lock file yet.
 * @param {string} file
 * @returns {Promise<Record<string, string>>}
 */
async function readLock(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return {};
    throw new Error(`${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main() {
  const dir = path.resolve(process.argv[2] ?? path.join(root, 'questionnaires'));
  const lockFile = path.join(dir, 'lock.json');
  const canonicalJson = await loadCanonicalJson();
  const lock = await readLock(lockFile);
  /** @type {Map<string, { name: string, hash: string }>} */
  const seen = new Map();
  /** @type {string[]} */
  const added = [];
  /** @type {string[]} */
  const changed = [];
  for (const { name, data } of await questionnaireFiles(dir)) {
    const key = `${data.id}@${data.version}`;
    const hash = `sha256:${createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex')}`;
    const earlier = seen.get(key);
    if (earlier && earlier.hash !== hash) {
      changed.push(`${key} is in both ${earlier.name} and ${name} with different content: give one a new id or version`);
    }
    seen.set(key, { name, hash });
    if (!Object.hasOwn(lock, key)) {
      lock[key] = hash;
      added.push(key);
    } else if (lock[key] !== hash) {
      changed.push(`${key} changed since it was locked: bump its version in ${name} (changing what an item means needs a new version), then run npm run lock`);
    }
  }
  if (changed.length > 0) {
    for (const line of changed) console.error(`lock: ${line}`);
    console.error(`lock: ${path.relative(process.cwd(), lockFile) || lockFile} is unchanged`);
    process.exitCode = 1;
    return;
  }
  if (added.length > 0) {
    const sorted = Object.fromEntries(Object.keys(lock).sort().map((key) => [key, lock[key]]));
    await writeFile(lockFile, `${JSON.stringify(sorted, null, 2)}\n`);
  }
  console.log(added.length > 0 ? `lock: added ${added.join(', ')}` : `lock: all ${seen.size} questionnaires match the lock`);
}

main().catch((error) => {
  console.error(`lock: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
