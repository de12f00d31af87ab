import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The release before this one, which the update test (test/e2e/update-*.e2e.ts) installs
 * first and then updates.
 *
 * 0.1.0 has no tag. CHANGELOG.md dates it 2026-12-01 and commit 3e82a78 says it is "the
 * state Shiftmeter's own code calls 'Shiftmeter 0.1' (rounds whose tally was kept in
 * extension storage, codes before the round's settings were bound), up to 2026-12-01".
 * The last commit dated 2026-12-01 is 6ec8c6c ("Bench: one probe load of the SurveyJS
 * page before timing it"); the next one, a3286dc (00:02 on 2026-12-02), changes bench/
 * only, so both build the same extension. Everything listed under Unreleased starts after
 * them, with c032630 and 794e732 (2026-12-02 04:43: round state beside the key, bound
 * codes SMR2), so 6ec8c6c is 0.1.0. Its stored data is schema 2 already (sittings as
 * JSON text came on 2026-12-01, d0639cd).
 */
export const PREVIOUS_RELEASE = {
  version: '0.1.0',
  commit: '6ec8c6c1efa87c6c53d39f10f2bdf3116e825f4c',
} as const;

/**
 * Where git history is not at hand (a shallow clone, a source package), the test starts
 * from this snapshot of extension storage, written by the real 0.1.0 build as the test
 * fills it. To write it again: `UPDATE_FIXTURE_WRITE=1 npx vitest run --project e2e
 * test/e2e/update-chromium.e2e.ts` (needs the history), then commit the file.
 */
export const STORAGE_FIXTURE = path.resolve('test/e2e/fixtures/storage-0.1.0.json');

export interface StorageFixture {
  /** What the fixture is, and how it was made. */
  about: string;
  release: typeof PREVIOUS_RELEASE;
  /** Everything in storage.local as 0.1.0 left it. */
  storage: Record<string, unknown>;
  /** Facts the test needs that storage alone does not say (the draft's page, the round's name). */
  facts: Record<string, unknown>;
}

export type PreviousRelease =
  | {
    kind: 'built';
    /** The release's source tree, built: its own src/ for what its code makes (sealed codes). */
    root: string;
    chrome: string;
    firefox: string;
    /** How its dependencies were provided. */
    dependencies: 'linked' | 'installed';
    remove(): Promise<void>;
  }
  | { kind: 'fixture'; reason: string; fixture: StorageFixture };

/** Whether this checkout has the release's commit (a shallow clone does not). */
function hasCommit(commit: string): boolean {
  return spawnSync('git', ['cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' }).status === 0;
}

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
}

/**
 * Whether the packages the release's build needs (its runtime dependencies and esbuild,
 * with everything they pull in) are the same versions here. Then the current
 * node_modules builds it exactly as its own `npm ci` would, and linking it saves minutes.
 */
export function sameBuildDependencies(oldLock: { packages: Record<string, LockEntry> }, oldPackage: { dependencies?: Record<string, string> }, installed: (name: string) => string | undefined): { same: boolean; differing: string[] } {
  const queue = [...Object.keys(oldPackage.dependencies ?? {}), 'esbuild'];
  const seen = new Set<string>();
  const differing: string[] = [];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const entry = oldLock.packages[`node_modules/${name}`];
    // Optional platform packages (esbuild's binaries for other systems) are not installed anywhere.
    if (!entry) continue;
    if (installed(name) !== entry.version) differing.push(`${name} ${entry.version} (here ${installed(name) ?? 'absent'})`);
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  return { same: differing.length === 0, differing };
}

function installedVersion(name: string): string | undefined {
  const file = path.resolve('node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

/**
 * The previous release: built from its commit into a temporary folder with its own
 * build.mjs, or, without the history (or with SHIFTMETER_PREVIOUS_RELEASE=fixture), the
 * committed snapshot of its storage. `log` is told which, and why.
 */
export async function previousRelease(log: (line: string) => void): Promise<PreviousRelease> {
  const forced = process.env.SHIFTMETER_PREVIOUS_RELEASE === 'fixture';
  if (forced || !hasCommit(PREVIOUS_RELEASE.commit)) {
    const reason = forced ? 'SHIFTMETER_PREVIOUS_RELEASE=fixture' : `commit ${PREVIOUS_RELEASE.commit.slice(0, 7)} is not in this clone`;
    log(`previous release ${PREVIOUS_RELEASE.version}: from the storage fixture (${reason})`);
    return { kind: 'fixture', reason, fixture: await readStorageFixture() };
  }
  const root = await mkdtemp(path.join(tmpdir(), `shiftmeter-${PREVIOUS_RELEASE.version}-`));
  try {
    const archive = spawnSync('git', ['archive', '--format=tar', PREVIOUS_RELEASE.commit], { maxBuffer: 256 * 1024 * 1024 });
    if (archive.status !== 0) throw new Error(`git archive failed: ${archive.stderr.toString()}`);
    execFileSync('tar', ['-x', '-C', root], { input: archive.stdout });
    const oldLock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8'));
    const oldPackage = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    const { same, differing } = sameBuildDependencies(oldLock, oldPackage, installedVersion);
    let dependencies: 'linked' | 'installed';
    if (same) {
      await symlink(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
      dependencies = 'linked';
    } else {
      log(`previous release: its build dependencies differ (${differing.join(', ')}); npm ci`);
      execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'ignore' });
      dependencies = 'installed';
    }
    execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'ignore' });
    log(`previous release ${PREVIOUS_RELEASE.version}: built from commit ${PREVIOUS_RELEASE.commit.slice(0, 7)} (dependencies ${dependencies})`);
    return {
      kind: 'built', root, dependencies,
      chrome: path.join(root, 'dist/chrome'),
      firefox: path.join(root, 'dist/firefox'),
      remove: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

export async function readStorageFixture(): Promise<StorageFixture> {
  return JSON.parse(await readFile(STORAGE_FIXTURE, 'utf8')) as StorageFixture;
}
