// Makes the four release packages from dist/chrome, dist/firefox and the sources.
// Shared by `npm run package` and the test that rebuilds the packages from the source one.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceEntries, type BuildTools } from './source-files';
import { packageFileName, type PackageKind } from './content-rules';
import { writeZip, ZIP_EPOCH, type ZipInput } from './zip';

/**
 * The time every file in the packages carries: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else the last commit's, else 1980-01-01 (outside a
 * git checkout, e.g. in an unpacked source package).
 */
export function releaseTime(root: string, env: NodeJS.ProcessEnv = process.env): { seconds: number; from: string } {
  const given = env.SOURCE_DATE_EPOCH?.trim();
  if (given) {
    if (!/^\d+$/.test(given)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970; it is ${JSON.stringify(given)}`);
    return { seconds: Number(given), from: 'SOURCE_DATE_EPOCH' };
  }
  try {
    const committed = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d+$/.test(committed)) return { seconds: Number(committed), from: 'the last commit' };
  } catch {
    // not a git checkout, or no git: the fixed time below
  }
  return { seconds: ZIP_EPOCH, from: 'no commit to date them by' };
}

/** The Node and npm this runs under, for SOURCE-README.md. */
export function currentBuildTools(env: NodeJS.ProcessEnv = process.env): BuildTools {
  // npm run sets npm_config_user_agent ("npm/11.19.1 node/v20.20.2 linux x64 …"); else ask npm.
  const npm = /^npm\/(\S+)/.exec(env.npm_config_user_agent ?? '')?.[1] ?? execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  return { node: process.version, npm, platform: `${process.platform} ${process.arch}` };
}

/** Every file under `dir`, '/'-separated and relative to it. */
export function folderEntries(dir: string): ZipInput[] {
  const files: ZipInput[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) files.push({ name, data: readFileSync(path.join(dir, name)) });
      else throw new Error(`${path.join(dir, name)} is neither a file nor a folder`);
    }
  };
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm run build`);
  walk('');
  return files;
}

/** The archives of one release, by kind: Edge's is Chrome's, byte for byte (the same MV3 build). */
export function packageArchives(root: string, version: string, time: number, tools: BuildTools): Map<PackageKind, Buffer> {
  const chrome = writeZip(folderEntries(path.join(root, 'dist', 'chrome')), time);
  const firefox = writeZip(folderEntries(path.join(root, 'dist', 'firefox')), time);
  const source = writeZip(sourceEntries(root, version, tools), time);
  return new Map<PackageKind, Buffer>([['chrome', chrome], ['edge', chrome], ['firefox', firefox], ['source', source]]);
}

export { packageFileName };
