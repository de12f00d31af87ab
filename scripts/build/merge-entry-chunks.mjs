// Folds the chunks a page's entry script imports into the entry itself, after esbuild's
// code splitting, so the page waits for one file before its first view instead of four.
//
// Why: esbuild puts the code an entry shares with its lazily loaded parts (Preact, the app
// model, the texts) into chunks of their own, and the entry imports them. In Chromium every
// further module an extension page waits for costs ~3 ms even when preloaded (measured: a
// page of four tiny modules marked ready 10–11 ms after a page of one); Firefox showed no
// difference. The popup waited for four.
//
// How: a second esbuild pass bundles the entry with the chunks it imports (renaming what
// collides, keeping their order of evaluation) and exports every name the chunks exported,
// under a name of its own; the lazily loaded files that imported those chunks then import
// the same names from the entry. A module is evaluated once per page whatever imports it,
// so the lazy parts share the entry's Preact and app state exactly as they shared the chunks'.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * @typedef {import('esbuild').Metafile} Metafile
 * @typedef {{ staging: string, root: string, target: string[], sourcemap: boolean }} MergeOptions
 */

/**
 * Merges each page's statically imported chunks into its entry script, in the staging folder.
 * @param {Metafile} metafile  the outputs of the pages' builds (paths relative to `root`)
 * @param {string[]} pageNames  each page's entry is `<name>.js` in the staging folder
 * @param {MergeOptions} options
 */
export async function mergeEntryChunks(metafile, pageNames, options) {
  const { staging, root } = options;
  /** @param {string} file */
  const inStaging = (file) => path.relative(staging, path.resolve(root, file)).split(path.sep).join('/');
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([file, output]) => [inStaging(file), output]));
  /** @type {Set<string>} */
  const removed = new Set();
  for (const name of pageNames) {
    const entry = `${name}.js`;
    if (!outputs[entry]) throw new Error(`merge-entry-chunks: no output ${entry}`);
    const merged = staticChunks(outputs, entry, inStaging);
    if (merged.length === 0) continue;
    /** Each merged chunk's exports, named apart in the entry: chunk i's `a` is `c<i>_a`. */
    const exported = new Map(merged.map((chunk, i) => [chunk, new Map((outputs[chunk]?.exports ?? []).map((name) => [name, `c${i}_${name}`]))]));
    await bundleEntry(entry, exported, options);
    for (const chunk of merged) {
      await rm(path.join(staging, chunk));
      removed.add(chunk);
    }
    const others = Object.keys(outputs).filter((file) => file.endsWith('.js') && file !== entry && !removed.has(file));
    for (const file of others) await importFromEntry(file, entry, exported, staging);
  }
}

/**
 * The chunks an entry imports with import statements, directly or through each other.
 * @param {Record<string, Metafile['outputs'][string]>} outputs  keyed by path in the staging folder
 * @param {string} entry
 * @param {(file: string) => string} inStaging  a metafile path as a path in the staging folder
 */
function staticChunks(outputs, entry, inStaging) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} file */
  const walk = (file) => {
    for (const imported of outputs[file]?.imports ?? []) {
      const target = inStaging(imported.path);
      if (imported.kind === 'import-statement' && !found.includes(target)) {
        found.push(target);
        walk(target);
      }
    }
  };
  walk(entry);
  return found;
}

/**
 * Bundles the entry with its chunks into the entry's file: the entry first (it imports
 * the chunks, so they are evaluated before it, as before), then the chunks' exports
 * under their new names. Every other file stays a file of its own.
 * @param {string} entry
 * @param {Map<string, Map<string, string>>} exported
 * @param {MergeOptions} options
 */
async function bundleEntry(entry, exported, { staging, target, sourcemap }) {
  // The entry first, and whatever it exports itself (a page's entry exports nothing today).
  const lines = [`export * from './${entry}';`];
  for (const [chunk, names] of exported) {
    if (names.size > 0) lines.push(`export { ${[...names].map(([name, as]) => `${name} as ${as}`).join(', ')} } from './${chunk}';`);
  }
  const merging = new Set([entry, ...exported.keys()].map((file) => path.join(staging, file)));
  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: staging, sourcefile: `${entry} with its chunks`, loader: 'js' },
    absWorkingDir: staging,
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target,
    legalComments: 'none',
    logLevel: 'warning',
    sourcemap: sourcemap ? 'inline' : false,
    outfile: path.join(staging, entry),
    plugins: [{
      name: 'keep-lazy-files-apart',
      setup(pluginBuild) {
        // Whatever the entry or its chunks load later (import()) stays its own file, named
        // from where the merged entry lies.
        pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
          const file = path.resolve(args.resolveDir, args.path);
          if (merging.has(file)) return undefined;
          return { path: `./${path.relative(staging, file).split(path.sep).join('/')}`, external: true };
        });
      },
    }],
  });
  const [output] = result.outputFiles ?? [];
  if (!output) throw new Error(`merge-entry-chunks: esbuild wrote nothing for ${entry}`);
  await writeFile(path.join(staging, entry), output.contents);
}

/**
 * Rewrites a lazily loaded file's imports of merged chunks into imports from the entry.
 * esbuild writes them as `import{a as b,c}from"./chunk.js"` (or spread over lines when not
 * minified); any other form of import of a merged chunk is an error, not a silent miss.
 * @param {string} file
 * @param {string} entry
 * @param {Map<string, Map<string, string>>} exported
 * @param {string} staging
 */
async function importFromEntry(file, entry, exported, staging) {
  const full = path.join(staging, file);
  const code = await readFile(full, 'utf8');
  const dir = path.posix.dirname(file);
  const toEntry = path.posix.relative(dir, entry).replace(/^(?!\.)/, './');
  /** @param {string} specifier */
  const chunkOf = (specifier) => {
    const target = path.posix.normalize(path.posix.join(dir, specifier));
    return exported.has(target) ? target : null;
  };
  let rewritten = code.replace(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g, (statement, list, specifier) => {
    const chunk = chunkOf(specifier);
    if (!chunk) return statement;
    const names = /** @type {Map<string, string>} */ (exported.get(chunk));
    const bindings = list.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
      const [name, local = name] = part.split(/\s+as\s+/);
      const renamed = names.get(name);
      if (!renamed) throw new Error(`merge-entry-chunks: ${file} imports ${name} from ${chunk}, which does not export it`);
      return `${renamed} as ${local}`;
    });
    return `import{${bindings.join(',')}}from"${toEntry}"`;
  });
  rewritten = rewritten.replace(/import\s*"([^"]+)"/g, (statement, specifier) => (chunkOf(specifier) ? `import"${toEntry}"` : statement));
  const left = [...rewritten.matchAll(/from\s*"([^"]+)"|import\s*\(\s*"([^"]+)"\s*\)/g)].map((match) => match[1] ?? match[2]).filter((specifier) => specifier && chunkOf(specifier));
  if (left.length > 0) throw new Error(`merge-entry-chunks: ${file} still refers to merged chunks (${left.join(', ')}) in a form this step does not rewrite`);
  if (rewritten !== code) await writeFile(full, rewritten);
}
