// One build script: bundles the pages, the background and the survey kit with esbuild,
// renders the icons, and writes an unpacked extension per browser to dist/.
//   node build.mjs            build dist/chrome, dist/firefox and dist/cli
//   node build.mjs --cli      build only the survey kit command
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const staging = path.join(dist, '.staging');
const ICON_SIZES = [16, 32, 48, 96, 128];
const BROWSERS = ['chrome', 'firefox'];

export async function buildCli() {
  await build({
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

async function buildPages() {
  const common = {
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
  };
  // Each page is bundled on its own, so the popup's first view loads the fewest files:
  // chunks shared with the dashboard would each be one more request before it can start.
  const page = (name, entry) => build({
    ...common,
    entryPoints: { [name]: entry },
    outdir: staging,
    format: 'esm',
    splitting: true,
    chunkNames: `chunks/${name}-[name]-[hash]`,
    metafile: true,
    plugins: [catalogPlugin(), polyfillAsModulePlugin()],
  });
  const builds = await Promise.all([page('popup', 'src/popup/main.tsx'), page('dashboard', 'src/dashboard/main.tsx')]);
  const pages = { metafile: { outputs: Object.assign({}, ...builds.map((b) => b.metafile.outputs)) } };
  // The background is one classic script: a Chrome service worker and a Firefox
  // event page can both load it without module support.
  await build({ ...common, entryPoints: { background: 'src/background.ts' }, outdir: staging, format: 'iife' });
  await cp(path.join(root, 'src/pages'), staging, { recursive: true });
  await addModulePreloads(pages.metafile, ['popup', 'dashboard']);
  await cp(path.join(root, 'src/_locales'), path.join(staging, '_locales'), { recursive: true });
  await renderIcons(path.join(staging, 'icons'));
}

/**
 * Lists each page's statically imported chunks in its HTML as modulepreload links, so
 * the browser fetches them alongside the entry script instead of a round trip later.
 */
async function addModulePreloads(metafile, pageNames) {
  const outputs = metafile.outputs;
  const relative = (file) => path.relative(staging, path.resolve(root, file)).split(path.sep).join('/');
  for (const name of pageNames) {
    const entry = Object.keys(outputs).find((file) => relative(file) === `${name}.js`);
    const chunks = new Set();
    const walk = (file) => {
      for (const imported of outputs[file]?.imports ?? []) {
        if (imported.kind === 'import-statement' && !chunks.has(imported.path)) {
          chunks.add(imported.path);
          walk(imported.path);
        }
      }
    };
    walk(entry);
    const links = [...chunks].map((file) => `  <link rel="modulepreload" href="${relative(file)}">`).join('\n');
    const htmlFile = path.join(staging, `${name}.html`);
    const html = await readFile(htmlFile, 'utf8');
    await writeFile(htmlFile, html.replace('</head>', `${links}\n</head>`));
  }
}

async function renderIcons(outDir) {
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = await readFile(path.join(root, 'store-assets/icon.svg'), 'utf8');
  await mkdir(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    await writeFile(path.join(outDir, `icon-${size}.png`), png);
  }
}

/**
 * One source manifest. Firefox gets an event page (`background.scripts`). Chrome runs
 * `background.service_worker`; its manifest keeps the `scripts` fallback and the gecko
 * settings, which Chrome ignores, so that `web-ext lint` passes on both builds.
 */
export function manifestFor(browser, source) {
  const manifest = structuredClone(source);
  if (browser === 'firefox') delete manifest.background.service_worker;
  return manifest;
}

async function writeExtensions() {
  const source = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  source.version = pkg.version;
  for (const browser of BROWSERS) {
    const out = path.join(dist, browser);
    await rm(out, { recursive: true, force: true });
    await cp(staging, out, { recursive: true });
    await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifestFor(browser, source), null, 2));
  }
  await rm(staging, { recursive: true, force: true });
}

/** The order a person meets the questionnaires in: the contrast Shiftmeter is named for first. */
const QUESTIONNAIRE_ORDER = ['production-service', 'control-service', 'performance-capacity', 'npm-npg', 'silos-joined-up', 'innovation-orientation'];
const byShippedOrder = (a, b) => rank(a.data.id) - rank(b.data.id) || a.name.localeCompare(b.name);
const rank = (id) => (QUESTIONNAIRE_ORDER.includes(id) ? QUESTIONNAIRE_ORDER.indexOf(id) : QUESTIONNAIRE_ORDER.length);

/** Shipped questionnaire files (not the schema or lock file), in the order people meet them. */
export async function questionnaireFiles() {
  const dir = path.join(root, 'questionnaires');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !['schema.json', 'lock.json'].includes(name) && !name.endsWith('.schema.json'));
  const files = [];
  for (const name of names.sort()) {
    const data = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    if (data.kind === 'questionnaire') files.push({ name, data });
  }
  return files.sort(byShippedOrder);
}

/** Shipped course packs, sorted for a stable order. */
export async function packFiles() {
  const dir = path.join(root, 'questionnaires');
  const files = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    if (data.kind === 'course-pack') files.push({ name, data });
  }
  return files;
}

/**
 * `shiftmeter:catalog`: the list of shipped questionnaires with their summaries
 * inlined, and each full questionnaire as a chunk of its own, loaded when taken.
 */
function catalogPlugin() {
  return {
    name: 'shiftmeter-catalog',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^shiftmeter:(catalog|packs)$/ }, (args) => ({ path: args.path.slice('shiftmeter:'.length), namespace: 'shiftmeter' }));
      // Two modules, so the popup's list of questionnaires does not carry the course packs.
      pluginBuild.onLoad({ filter: /^catalog$/, namespace: 'shiftmeter' }, async () => {
        const files = await questionnaireFiles();
        const entries = files.map(({ name, data }) => {
          const summary = {
            id: data.id, version: data.version, languages: data.languages, title: data.title,
            description: data.description, poles: data.poles,
            dimensionCount: data.dimensions.length, itemCount: data.items.length,
          };
          return `{...${JSON.stringify(summary)}, load: () => import(${JSON.stringify(`./questionnaires/${name}`)}).then((m) => m.default)}`;
        });
        return {
          contents: `export const shippedQuestionnaires = [${entries.join(',\n')}];`,
          resolveDir: root,
          loader: 'js',
          watchFiles: files.map(({ name }) => path.join(root, 'questionnaires', name)),
        };
      });
      pluginBuild.onLoad({ filter: /^packs$/, namespace: 'shiftmeter' }, async () => {
        const files = await packFiles();
        const packs = files.map(({ name, data }) => {
          const summary = { id: data.id, version: data.version, languages: data.languages, title: data.title, description: data.description };
          return `{...${JSON.stringify(summary)}, load: () => import(${JSON.stringify(`./questionnaires/${name}`)}).then((m) => m.default)}`;
        });
        return { contents: `export const shippedPacks = [${packs.join(',\n')}];`, resolveDir: root, loader: 'js' };
      });
    },
  };
}

/**
 * webextension-polyfill ships as a UMD (CommonJS) file. Bundled as it is, esbuild adds
 * its CommonJS interop helpers as a chunk of their own that every other chunk imports:
 * one more request before any page can start. Read as an ES module that exports what
 * the UMD wrapper puts on `module.exports`, it needs no helpers. The code is unchanged.
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

/** The build refuses to ship a questionnaire that the kit's own validator refuses. */
async function validateShipped() {
  const files = [...(await questionnaireFiles()), ...(await packFiles())].map(({ name }) => path.join(root, 'questionnaires', name));
  execFileSync(process.execPath, [path.join(root, 'bin/shiftmeter.mjs'), 'validate', ...files], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main() {
  const onlyCli = process.argv.includes('--cli');
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
