import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summarize, notMeasured, type NotMeasured, type Summary } from './stats';

const KIT = path.resolve('bin/shiftmeter.mjs');
const GNU_TIME = '/usr/bin/time';
const MAX_RSS_PRELOAD = path.resolve('bench/max-rss.cjs');

interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size of the kit's node process, in bytes. */
  peakRssBytes: number | null;
}

/**
 * Runs the kit once and measures it from outside: wall time around the whole process
 * (node's start-up included, as a user would wait for it) and its peak RSS, from GNU
 * time if installed, else from a preload that reads the process's own maxRSS on exit.
 */
async function runKit(args: readonly string[], timeoutMs: number): Promise<Measured> {
  const rssFile = path.join(tmpdir(), `shiftmeter-bench-rss-${process.pid}-${Date.now()}`);
  const useTime = existsSync(GNU_TIME);
  const [command, commandArgs] = useTime ? [GNU_TIME, ['-v', process.execPath, KIT, ...args]] : [process.execPath, [KIT, ...args]];
  const env = useTime ? process.env : { ...process.env, NODE_OPTIONS: `--require ${MAX_RSS_PRELOAD}`, SHIFTMETER_BENCH_RSS_FILE: rssFile };
  const started = process.hrtime.bigint();
  const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let peakRssBytes: number | null = null;
  if (useTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (match) peakRssBytes = Number(match[1]) * 1024;
    stderr = stderr.split(/\n\s*Command being timed:/)[0]!;
  } else {
    peakRssBytes = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) || null;
    await rm(rssFile, { force: true });
  }
  return { code, stdout, stderr, wallMs, peakRssBytes };
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';

/** A command timed over the same files: wall time and peak RSS per run, and the n it reported. */
export interface CommandFigure {
  wallMs: Summary;
  peakRssBytes: Summary | null;
  /** The `n` the command reported, to show every file was read. */
  n: number | null;
}

export interface CliFigure {
  files: number;
  simulateMs: number;
  aggregate: CommandFigure;
  /** `analyse --format json`: the item analysis, over the same files. */
  analyse: CommandFigure;
}

export type CliResult = { figures: (CliFigure | (NotMeasured & { files: number }))[] } | NotMeasured;

/** Checks both commands on a handful of files before spending minutes on many. */
async function probe(dir: string): Promise<string | null> {
  const simulate = await runKit(['simulate', 'production-service', '--count', '10', '--seed', '1', '--out', dir], 60_000);
  if (simulate.code !== 0) return `\`simulate\` failed (exit ${simulate.code}): ${firstLine(simulate.stderr)}`;
  for (const command of TIMED) {
    const run = await runKit([command, dir, '--format', 'json'], 60_000);
    if (run.code !== 0) return `\`${command}\` failed (exit ${run.code}): ${firstLine(run.stderr)}`;
  }
  return null;
}

/** The commands timed over each set of files, in this order. */
const TIMED = ['aggregate', 'analyse'] as const;

/** Runs `command DIR --format json` `runs` times: its wall time, peak RSS and reported n; or why it failed. */
async function timeCommand(command: (typeof TIMED)[number], dir: string, files: number, runs: number, log: (line: string) => void): Promise<CommandFigure | string> {
  const wall: number[] = [];
  const rss: number[] = [];
  let n: number | null = null;
  for (let run = 0; run < runs; run++) {
    log(`  ${command} ${files} files, run ${run + 1}/${runs}…`);
    const result = await runKit([command, dir, '--format', 'json'], 5 * 60_000);
    if (result.code !== 0) return `${command} over ${files} files failed (exit ${result.code}): ${firstLine(result.stderr)}`;
    wall.push(result.wallMs);
    if (result.peakRssBytes !== null) rss.push(result.peakRssBytes);
    try {
      n = (JSON.parse(result.stdout) as { n?: number }).n ?? null;
    } catch {
      n = null;
    }
  }
  return { wallMs: summarize(wall), peakRssBytes: rss.length ? summarize(rss) : null, n };
}

/** simulate N response files, then time each command over them `runs` times. */
async function measureCount(files: number, runs: number, log: (line: string) => void): Promise<CliFigure | (NotMeasured & { files: number })> {
  const failed = (reason: string) => ({ files, ...notMeasured(reason) });
  const dir = await mkdtemp(path.join(tmpdir(), `shiftmeter-bench-responses-${files}-`));
  try {
    log(`  simulate ${files} response files…`);
    const simulate = await runKit(['simulate', 'production-service', '--count', String(files), '--seed', '1', '--out', dir], 10 * 60_000);
    if (simulate.code !== 0) return failed(`simulate --count ${files} failed (exit ${simulate.code}): ${firstLine(simulate.stderr)}`);
    const written = (await readdir(dir, { recursive: true })).filter((name) => String(name).endsWith('.json')).length;
    if (written !== files) return failed(`simulate --count ${files} wrote ${written} .json files`);
    const aggregate = await timeCommand('aggregate', dir, files, runs, log);
    if (typeof aggregate === 'string') return failed(aggregate);
    const analyse = await timeCommand('analyse', dir, files, runs, log);
    if (typeof analyse === 'string') return failed(analyse);
    return { files, simulateMs: Math.round(simulate.wallMs), aggregate, analyse };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchCli(plan: readonly { files: number; runs: number }[], log: (line: string) => void): Promise<CliResult> {
  const probeDir = await mkdtemp(path.join(tmpdir(), 'shiftmeter-bench-probe-'));
  try {
    const problem = await probe(probeDir);
    if (problem) return notMeasured(problem);
  } finally {
    await rm(probeDir, { recursive: true, force: true });
  }
  const figures: Awaited<ReturnType<typeof measureCount>>[] = [];
  for (const { files, runs } of plan) figures.push(await measureCount(files, runs, log));
  return { figures };
}
