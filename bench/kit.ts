// `npx tsx bench/kit.ts [FILES] [RUNS]`: only the survey kit's part of `npm run bench`,
// without Chromium: simulate FILES response files (default 100,000), then time aggregate
// and analyse over them RUNS times (default 1), and judge the kit's targets. The kit
// rebuilds itself when its sources changed (bin/shiftmeter.mjs). Like the bench, it
// reports and never fails.
import os from 'node:os';
import { benchCli } from './cli';
import { cliRows, targetRow } from './report';
import { cliTargets } from './targets';

const files = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 1);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main() {
  if (!Number.isSafeInteger(files) || files < 1 || !Number.isSafeInteger(runs) || runs < 1) throw new Error('usage: npx tsx bench/kit.ts [FILES] [RUNS]');
  const loadBefore = os.loadavg()[0]!;
  const cli = await benchCli([{ files, runs }], log);
  const lines = [
    `The survey kit, ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version}; load average (1 min) before/after ${loadBefore.toFixed(2)}/${os.loadavg()[0]!.toFixed(2)}`,
    'Wall ms incl. node start-up: median, min–max, IQR',
    ...cliRows(cli),
    '',
    'Targets',
    ...cliTargets(cli).map(targetRow),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  log(`could not finish: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
});
