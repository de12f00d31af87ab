import fc from 'fast-check';
import path from 'node:path';
import { expect, inject } from 'vitest';

/**
 * Setup for the unit tests (vitest.config.ts): every property runs from the one seed
 * chosen for the run, so a failure seen once, in CI say, can be had again. fast-check's
 * report already names the seed and the path to the failing case; this adds the line
 * that repeats it.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** FC_SEED, or a random seed: chosen once per run in vitest.config.ts. */
    fastCheckSeed: number;
  }
}

const seed = inject('fastCheckSeed');

function howToRepeat(propertySeed: number): string {
  // A test that passes its own seed fails the same way on every run.
  if (propertySeed !== seed) return `This property sets its own seed (${propertySeed}).`;
  const testPath = expect.getState().testPath;
  const file = testPath ? path.relative(process.cwd(), testPath) : '<test file>';
  return `To repeat: FC_SEED=${seed} npx vitest run --project unit ${file}`;
}

fc.configureGlobal({
  seed,
  // fast-check's own report and error, with the line that repeats the run.
  reporter(details) {
    if (!details.failed) return;
    throw new Error(`${fc.defaultReportMessage(details)}\n\n${howToRepeat(details.seed)}`, { cause: details.errorInstance });
  },
});
