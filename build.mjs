// One build script: bundles the pages, the background and the survey kit with esbuild,
// renders the icons, and writes an unpacked extension per browser to dist/.
//   node build.mjs            build dist/chrome, dist/firefox and dist/cli
//   node build.mjs --cli      build only the survey kit command
//   node build.mjs --watch    build them all with inline source maps, then again on every
//                             change under src/ or questionnaires/ (npm run dev); Ctrl-C stops
import { build, context, formatMessages, transform } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, watch as fsWatch } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { readEarlierQuestionnaires, readShippedFiles } from './scripts/shipped-files.mjs';
import { mergeEntryChunks } from './scripts/build/merge-entry-chunks.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {import('esbuild').BuildOptions} BuildOptions
 * @typedef {import('esbuild').BuildResult} BuildResult
 * @typedef {import('esbuild').Metafile} Metafile
 * @typedef {import('esbuild').Plugin} Plugin
 * @typedef {import('./src/core/questionnaire/types').Questionnaire} Questionnaire
 * @typedef {import('./src/core/pack/types').CoursePack} CoursePack
 */
/**
 * A file of questionnaires/ as read: validateShipped checks it before the pages are built.
 * @template T
 * @typedef {{ name: string, data: T }} ShippedFile
 */

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const staging = path.join(dist, '.staging');
const kitBundle = path.join(dist, 'cli', 'shiftmeter.mjs');
const ICON_SIZES = [16, 32, 48, 96, 128];
const BROWSERS = /** @type {const} */ (['chrome', 'firefox']);

/** The survey kit: one ES module for Node, dist/cli/shiftmeter.mjs. */
function cliOptions() {
  return /** @satisfies {BuildOptions} */ ({
    // Paths in the bundle's comments are relative to the project, wherever the kit is built from.
    absWorkingDir: root,
    entryPoints: { shiftmeter: path.join(root, 'src/cli/main.ts') },
    outdir: path.join(dist, 'cli'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    logLevel: 'warning',
    plugins: [catalogPlugin()],
  });
}

export async function buildCli() {
  await build(cliOptions());
}

/** What the extension's bundles have in common. */
const extensionOptions = /** @satisfies {BuildOptions} */ ({
  absWorkingDir: root,
  bundle: true,
  minify: true,
  target: ['chrome120', 'firefox140'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Stylesheets are bundled as text that the page adopts (src/ui/styles/adopt-stylesheet.ts).
  loader: { '.css': 'text' },
});

/**
 * Each page is bundled on its own, so the popup's first view loads the fewest files:
 * chunks shared with the dashboard would each be one more request before it can start.
 * @param {string} name
 * @param {string} entry
 */
function pageOptions(name, entry) {
  return /** @satisfies {BuildOptions} */ ({
    ...extensionOptions,
    entryPoints: { [name]: entry },
    outdir: staging,
    format: 'esm',
    splitting: true,
    chunkNames: `chunks/${name}-[name]-[hash]`,
    metafile: true,
    plugins: [catalogPlugin(), polyfillAsModulePlugin(), minifiedCssTextPlugin()],
  });
}

/**
 * The background is one classic script: a Chrome service worker and a Firefox
 * event page can both load it without module support.
 */
function backgroundOptions() {
  return /** @satisfies {BuildOptions} */ ({ ...extensionOptions, entryPoints: { background: 'src/background.ts' }, outdir: staging, format: 'iife', plugins: [catalogPlugin()] });
}

/**
 * The pages, each with its entry point: one file before its first view (see finishStaging).
 * @type {[name: string, entry: string][]}
 */
const PAGES = [['popup', 'src/popup/main.tsx'], ['dashboard', 'src/dashboard/main.tsx']];

async function buildPages() {
  const builds = await Promise.all(PAGES.map(([name, entry]) => build(pageOptions(name, entry))));
  await build(backgroundOptions());
  await finishStaging(builds.map((b) => b.metafile));
}

/**
 * What the extension needs beside the bundles in the staging folder: each page's entry
 * with the chunks it imports folded in (scripts/build/merge-entry-chunks.mjs), the pages'
 * HTML, the locales, the icons and the managed-storage schema.
 * @param {Metafile[]} metafiles  the pages' builds
 * @param {{ sourcemap?: boolean }} [options]  inline source maps (the watch build's)
 */
async function finishStaging(metafiles, { sourcemap = false } = {}) {
  await cp(path.join(root, 'src/pages'), staging, { recursive: true });
  await mergeEntryChunks({ inputs: {}, outputs: Object.fromEntries(metafiles.flatMap((metafile) => Object.entries(metafile.outputs))) }, PAGES.map(([name]) => name), { staging, root, target: extensionOptions.target, sourcemap });
  await cp(path.join(root, 'src/_locales'), path.join(staging, '_locales'), { recursive: true });
  await cp(path.join(root, 'managed-schema.json'), path.join(staging, 'managed-schema.json'));
  await renderIcons(path.join(staging, 'icons'));
}

/** @type {Promise<Map<number, Buffer>> | undefined} */
let icons;

/** The icon at each size, rendered once per run (a watch session reuses them). */
function iconPngs() {
  icons ??= (async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = await readFile(path.join(root, 'store-assets/icon.svg'), 'utf8');
    return new Map(ICON_SIZES.map((size) => [size, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()]));
  })();
  return icons;
}

/** @param {string} outDir */
async function renderIcons(outDir) {
  const pngs = await iconPngs();
  await mkdir(outDir, { recursive: true });
  for (const [size, png] of pngs) {
    await writeFile(path.join(outDir, `icon-${size}.png`), png);
  }
}

/**
 * One source manifest. Firefox gets an event page (`background.scripts`). Chrome runs
 * `background.service_worker`; its manifest keeps the `scripts` fallback and the gecko
 * settings, which Chrome ignores, so that `web-ext lint` passes on both builds. Firefox
 * reads no managed-storage schema and warns on loading a manifest with `storage`
 * ("An unexpected property was found"), so its manifest goes without.
 * @template {{ background: { service_worker?: string }, storage?: { managed_schema: string } }} M
 * @param {string} browser
 * @param {M} source
 * @returns {M}
 */
export function manifestFor(browser, source) {
  const manifest = structuredClone(source);
  if (browser === 'firefox') {
    delete manifest.background.service_worker;
    delete manifest.storage;
  }
  return manifest;
}

/**
 * Copies the staging folder to dist/chrome and dist/firefox, each with its manifest.
 * In place (watch mode), each folder is updated file by file rather than replaced, so a
 * browser or `web-ext run` that has it loaded never finds it missing or half written.
 */
async function writeExtensions({ inPlace = false } = {}) {
  const source = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  source.version = pkg.version;
  for (const browser of BROWSERS) {
    const out = path.join(dist, browser);
    const manifest = JSON.stringify(manifestFor(browser, source), null, 2);
    if (inPlace) {
      await syncFolder(staging, out, new Map([['manifest.json', Buffer.from(manifest)]]));
      continue;
    }
    await rm(out, { recursive: true, force: true });
    await cp(staging, out, { recursive: true });
    await writeFile(path.join(out, 'manifest.json'), manifest);
  }
  await rm(staging, { recursive: true, force: true });
}

/**
 * The files under `dir` by their path relative to it ('/'-separated), with their contents.
 * @param {string} dir
 * @returns {Promise<Map<string, Buffer>>}
 */
async function readTree(dir) {
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  /** @param {string} folder @param {string} prefix */
  const walk = async (folder, prefix) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file, `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.set(`${prefix}${entry.name}`, await readFile(file));
    }
  };
  if (existsSync(dir)) await walk(dir, '');
  return files;
}

/**
 * Makes `out` hold exactly the files of `from` plus `extra`: writes the ones that differ and
 * deletes the ones that are gone, leaving every other file untouched.
 * @param {string} from
 * @param {string} out
 * @param {Map<string, Buffer>} extra  files by relative path, written after those of `from`
 */
async function syncFolder(from, out, extra) {
  const wanted = new Map([...(await readTree(from)), ...extra]);
  const present = await readTree(out);
  for (const file of present.keys()) {
    if (!wanted.has(file)) await rm(path.join(out, file), { force: true });
  }
  for (const [file, contents] of wanted) {
    if (present.get(file)?.equals(contents)) continue;
    await mkdir(path.dirname(path.join(out, file)), { recursive: true });
    await writeFile(path.join(out, file), contents);
  }
}

/** The order a person meets the questionnaires in: the contrast Shiftmeter is named for first. */
const QUESTIONNAIRE_ORDER = ['production-service', 'control-service', 'performance-capacity', 'npm-npg', 'silos-joined-up', 'innovation-orientation'];
/** @type {(a: ShippedFile<Questionnaire>, b: ShippedFile<Questionnaire>) => number} */
const byShippedOrder = (a, b) => rank(a.data.id) - rank(b.data.id) || a.name.localeCompare(b.name);
/** @param {string} id */
const rank = (id) => (QUESTIONNAIRE_ORDER.includes(id) ? QUESTIONNAIRE_ORDER.indexOf(id) : QUESTIONNAIRE_ORDER.length);

/**
 * Shipped questionnaire files (not the schema or lock file), in the order people meet them.
 * @returns {Promise<ShippedFile<Questionnaire>[]>}
 */
export async function questionnaireFiles() {
  return readShippedFiles('questionnaire', path.join(root, 'questionnaires')).map(({ name, data }) => ({ name, data: /** @type {Questionnaire} */ (data) })).sort(byShippedOrder);
}

/**
 * Shipped course packs, sorted for a stable order.
 * @returns {Promise<ShippedFile<CoursePack>[]>}
 */
export async function packFiles() {
  return readShippedFiles('course-pack', path.join(root, 'questionnaires')).map(({ name, data }) => ({ name, data: /** @type {CoursePack} */ (data) }));
}

/**
 * `shiftmeter:catalog`: the list of shipped questionnaires with their summaries
 * inlined, and each full questionnaire as a chunk of its own, loaded when taken.
 * @returns {Plugin}
 */
function catalogPlugin() {
  // In watch mode, a questionnaire added to the folder rebuilds the lists too.
  const watchDirs = [path.join(root, 'questionnaires')];
  return {
    name: 'shiftmeter-catalog',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^shiftmeter:(catalog|packs|shipped-ids)$/ }, (args) => ({ path: args.path.slice('shiftmeter:'.length), namespace: 'shiftmeter' }));
      // The background applies the organisation's policy, which may not take a shipped id: the ids alone, no texts.
      pluginBuild.onLoad({ filter: /^shipped-ids$/, namespace: 'shiftmeter' }, async () => {
        const ids = [...new Set([...(await questionnaireFiles()), ...earlierQuestionnaireFiles()].map(({ data }) => data.id))].sort();
        return { contents: `export const shippedQuestionnaireIds = ${JSON.stringify(ids)};`, resolveDir: root, loader: 'js', watchDirs };
      });
      // Two modules, so the popup's list of questionnaires does not carry the course packs.
      pluginBuild.onLoad({ filter: /^catalog$/, namespace: 'shiftmeter' }, async () => {
        const files = await questionnaireFiles();
        const entries = files.map(({ name, data }) => {
          const summary = /** @satisfies {import('./src/core/questionnaire/summary').QuestionnaireSummary} */ ({
            id: data.id, version: data.version, languages: data.languages, title: data.title,
            description: data.description, poles: data.poles,
            dimensionCount: data.dimensions.length, itemCount: data.items.length,
            questionCount: data.formatVersion === 2 ? 2 * data.items.length : data.items.length + data.dimensions.length,
          });
          return `{...${JSON.stringify(summary)}, load: () => import(${JSON.stringify(`./questionnaires/${name}`)}).then((m) => m.default)}`;
        });
        // Earlier versions: only what finds them (id, version, title) is inlined; each loads when a sitting of it is shown.
        const earlier = earlierQuestionnaireFiles().map(({ name, data }) => {
          const summary = { id: data.id, version: data.version, languages: data.languages, title: data.title, description: data.description, poles: data.poles, dimensionCount: data.dimensions.length, itemCount: data.items.length, questionCount: data.formatVersion === 2 ? 2 * data.items.length : data.items.length + data.dimensions.length };
          return `{...${JSON.stringify(summary)}, load: () => import(${JSON.stringify(`./questionnaires/earlier/${name}`)}).then((m) => m.default)}`;
        });
        // For the popup, which resumes a draft begun on an earlier version before an update:
        // how to find and load that version, without its texts (the current version's stand in).
        const earlierVersions = earlierQuestionnaireFiles().map(({ name, data }) => {
          const counts = { id: data.id, version: data.version, dimensionCount: data.dimensions.length, itemCount: data.items.length, questionCount: data.formatVersion === 2 ? 2 * data.items.length : data.items.length + data.dimensions.length };
          return `{...${JSON.stringify(counts)}, load: () => import(${JSON.stringify(`./questionnaires/earlier/${name}`)}).then((m) => m.default)}`;
        });
        return {
          contents: `export const shippedQuestionnaires = [${entries.join(',\n')}];\nexport const earlierQuestionnaires = [${earlier.join(',\n')}];\nexport const earlierVersions = [${earlierVersions.join(',\n')}];`,
          resolveDir: root,
          loader: 'js',
          watchFiles: files.map(({ name }) => path.join(root, 'questionnaires', name)),
          watchDirs: [...watchDirs, path.join(root, 'questionnaires', 'earlier')],
        };
      });
      pluginBuild.onLoad({ filter: /^packs$/, namespace: 'shiftmeter' }, async () => {
        const files = await packFiles();
        const packs = files.map(({ name, data }) => {
          const summary = /** @satisfies {Omit<import('./src/ui/courses/pack-catalog').PackEntry, 'load'>} */ ({ id: data.id, version: data.version, languages: data.languages, title: data.title, description: data.description });
          return `{...${JSON.stringify(summary)}, load: () => import(${JSON.stringify(`./questionnaires/${name}`)}).then((m) => m.default)}`;
        });
        return { contents: `export const shippedPacks = [${packs.join(',\n')}];`, resolveDir: root, loader: 'js', watchDirs };
      });
    },
  };
}

/**
 * Stylesheets are bundled as text the page adopts; minified first, so their comments and
 * spaces are not in the bytes the popup loads before its first view (a fifth of its budget).
 * @returns {Plugin}
 */
function minifiedCssTextPlugin() {
  return {
    name: 'minified-css-text',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.css$/ }, async (args) => {
        const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true, target: ['chrome120', 'firefox140'] });
        return { contents: code, loader: 'text' };
      });
    },
  };
}

/**
 * webextension-polyfill ships as a UMD (CommonJS) file. Bundled as it is, esbuild adds
 * its CommonJS interop helpers as a chunk of their own that every other chunk imports:
 * one more request before any page can start. Read as an ES module that exports what
 * the UMD wrapper puts on `module.exports`, it needs no helpers. The code is unchanged.
 * @returns {Plugin}
 */
function polyfillAsModulePlugin() {
  return {
    name: 'webextension-polyfill-as-module',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        return { contents: `const module = { exports: {} };\nconst exports = module.exports;\n${source}\nexport default module.exports;\n`, loader: 'js' };
      });
    },
  };
}

/**
 * Earlier versions of the shipped questionnaires (questionnaires/earlier/), kept for the sittings answered on them.
 * @returns {{ name: string, data: Questionnaire }[]}
 */
function earlierQuestionnaireFiles() {
  return readEarlierQuestionnaires(path.join(root, 'questionnaires', 'earlier')).map(({ name, data }) => ({ name, data: /** @type {Questionnaire} */ (data) }));
}

/** The kit's command line that validates every shipped questionnaire and course pack. */
async function validateArguments() {
  const files = [
    ...[...(await questionnaireFiles()), ...(await packFiles())].map(({ name }) => path.join(root, 'questionnaires', name)),
    ...earlierQuestionnaireFiles().map(({ name }) => path.join(root, 'questionnaires', 'earlier', name)),
  ];
  return [path.join(root, 'bin/shiftmeter.mjs'), 'validate', ...files];
}

/** The build refuses to ship a questionnaire that the kit's own validator refuses. */
async function validateShipped() {
  execFileSync(process.execPath, await validateArguments(), { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * validateShipped for watch mode, which keeps running when a questionnaire is invalid.
 * @returns {Promise<boolean>} whether they are all valid
 */
async function shippedAreValid() {
  let args;
  try {
    args = await validateArguments();
  } catch (error) {
    console.error(`build: the questionnaires cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/**
 * `--watch`: one esbuild context per bundle, each watching the files it bundles (the
 * catalog adds questionnaires/). A change any context notices starts a round: the other
 * contexts rebuild as well, and when all have finished, the steps after esbuild run once
 * on their results and one line is printed. The pages' HTML and the locales are copied,
 * not bundled, so a file watcher of their own starts a round too. The pages are built in
 * memory (`write: false`) and written to a fresh staging folder each round, so no chunk of
 * an earlier round is left behind; the kit writes dist/cli itself.
 * @param {boolean} onlyCli
 */
async function watch(onlyCli) {
  await mkdir(dist, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  /** @type {Map<string, BuildResult>} */
  const results = new Map();
  /** @type {Set<string>} the contexts whose build in the current round has not finished */
  const pending = new Set();
  let roundStarted = performance.now();
  let first = true;
  let finishing = Promise.resolve();

  /** @type {Map<string, import('esbuild').BuildContext>} */
  const contexts = new Map();
  /** @param {string} name @returns {Plugin} */
  const roundPlugin = (name) => ({
    name: 'shiftmeter-watch',
    setup(pluginBuild) {
      pluginBuild.onStart(() => {
        if (pending.size === 0) startRound(name);
      });
      pluginBuild.onEnd((result) => {
        results.set(name, result);
        pending.delete(name);
        if (pending.size > 0) return;
        const round = { results: new Map(results), started: roundStarted, first };
        first = false;
        finishing = finishing.then(() => finishRound(round)).catch((error) => console.error(`watch: ${error instanceof Error ? error.stack : String(error)}`));
      });
    },
  });
  /** @param {string | undefined} trigger  the context that is already building, if any */
  const startRound = (trigger) => {
    roundStarted = performance.now();
    for (const [name, ctx] of contexts) {
      pending.add(name);
      // A failed build's errors are in the result that onEnd receives; finishRound prints them.
      if (name !== trigger) ctx.rebuild().catch(() => {});
    }
  };
  // The contexts are quiet: finishRound prints their problems, each once.
  const watchOptions = /** @satisfies {BuildOptions} */ ({ sourcemap: 'inline', logLevel: 'silent' });
  const kitOptions = cliOptions();
  contexts.set('kit', await context({ ...kitOptions, ...watchOptions, plugins: [...kitOptions.plugins, roundPlugin('kit')] }));
  if (!onlyCli) {
    for (const [name, entry] of PAGES) {
      const options = pageOptions(name, entry);
      contexts.set(name, await context({ ...options, ...watchOptions, write: false, plugins: [...options.plugins, roundPlugin(name)] }));
    }
    contexts.set('background', await context({ ...backgroundOptions(), ...watchOptions, write: false, plugins: [catalogPlugin(), roundPlugin('background')] }));
  }

  /**
   * The steps after esbuild, once all contexts have finished a round.
   * @param {{ results: Map<string, BuildResult>, started: number, first: boolean }} round
   */
  const finishRound = async ({ results: built, started, first: initial }) => {
    const time = new Date().toTimeString().slice(0, 8);
    const wrote = onlyCli ? 'dist/cli' : `${BROWSERS.map((b) => `dist/${b}`).join(', ')} and dist/cli`;
    // Every context that bundles a file reports its problems: each is printed once.
    const color = Boolean(process.stderr.isTTY);
    for (const kind of /** @type {const} */ (['warning', 'error'])) {
      const messages = [...built.values()].flatMap((result) => (kind === 'error' ? result.errors : result.warnings));
      for (const text of new Set(await formatMessages(messages, { kind, color }))) process.stderr.write(text);
    }
    if ([...built.values()].some((result) => result.errors.length > 0)) {
      console.log(`watch: ${time} build failed (see above); ${wrote} not updated`);
      return;
    }
    // The kit is now built from the sources as they are, whether esbuild rewrote it or not,
    // so bin/shiftmeter.mjs need not rebuild it.
    const now = new Date();
    await utimes(kitBundle, now, now);
    if (!onlyCli) {
      await rm(staging, { recursive: true, force: true });
      const stage = async () => {
        for (const name of ['background', ...PAGES.map(([page]) => page)]) {
          for (const file of built.get(name)?.outputFiles ?? []) {
            await mkdir(path.dirname(file.path), { recursive: true });
            await writeFile(file.path, file.contents);
          }
        }
        await finishStaging(PAGES.map(([name]) => {
          const metafile = built.get(name)?.metafile;
          if (!metafile) throw new Error(`the ${name} build has no metafile`);
          return metafile;
        }), { sourcemap: true });
      };
      const [valid] = await Promise.all([shippedAreValid(), stage()]);
      if (!valid) {
        await rm(staging, { recursive: true, force: true });
        console.log(`watch: ${time} a shipped questionnaire is invalid (see above); ${BROWSERS.map((b) => `dist/${b}`).join(' and ')} not updated`);
        return;
      }
      await writeExtensions({ inPlace: true });
    }
    const took = `${Math.round(performance.now() - started)} ms`;
    console.log(initial ? `watch: ${time} built ${wrote} in ${took}; watching src/ and questionnaires/ (Ctrl-C stops)` : `watch: ${time} rebuilt in ${took}`);
  };

  // The files the extension copies rather than bundles. Editors write a file in several
  // steps, so a round starts once they have been quiet for a moment.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let quiet;
  const startSoon = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      if (pending.size === 0) startRound(undefined);
    }, 50);
  };
  const copied = onlyCli ? [] : [
    fsWatch(path.join(root, 'src/pages'), { recursive: true }, startSoon),
    fsWatch(path.join(root, 'src/_locales'), { recursive: true }, startSoon),
    fsWatch(root, (_event, file) => {
      if (file === 'manifest.json' || file === 'managed-schema.json') startSoon();
    }),
  ];

  const stop = async () => {
    for (const watcher of copied) watcher.close();
    clearTimeout(quiet);
    await Promise.all([...contexts.values()].map((ctx) => ctx.dispose()));
    await finishing;
    await rm(staging, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  // The first round: watch() builds each context once.
  for (const name of contexts.keys()) pending.add(name);
  await Promise.all([...contexts.values()].map((ctx) => ctx.watch()));
}

async function main() {
  const onlyCli = process.argv.includes('--cli');
  if (process.argv.includes('--watch')) {
    await watch(onlyCli);
    return;
  }
  await mkdir(dist, { recursive: true });
  await buildCli();
  if (onlyCli) return;
  try {
    await validateShipped();
  } catch {
    console.error('build: a shipped questionnaire is invalid (see above)');
    process.exit(1);
  }
  await rm(staging, { recursive: true, force: true });
  await buildPages();
  await writeExtensions();
  console.log(`build: wrote ${BROWSERS.map((b) => `dist/${b}`).join(', ')} and dist/cli`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
