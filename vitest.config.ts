import { defineConfig } from 'vitest/config';

/** One fast-check seed for the whole run: FC_SEED when set, so a failing run can be repeated (test/helpers/fast-check-seed.ts). */
function fastCheckSeed(): number {
  const given = process.env.FC_SEED?.trim();
  if (!given) return (Math.random() * 2 ** 32) | 0;
  const seed = Number(given);
  // fast-check seeds are 32-bit integers; its reports show them so, negative ones included.
  if (!Number.isInteger(seed) || seed !== (seed | 0)) throw new Error(`FC_SEED must be a 32-bit whole number, as a fast-check report shows it; it is ${JSON.stringify(given)}`);
  return seed;
}

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/helpers/fast-check-seed.ts'],
          provide: { fastCheckSeed: fastCheckSeed() },
        },
      },
      {
        extends: true,
        // Real browsers on a 2-core machine: one file at a time, generous timeouts.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
