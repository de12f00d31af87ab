/**
 * Polls `read` until `check` passes, then returns the value read; `check` holds the
 * test's ordinary vitest assertions. When the page has not re-rendered yet, or an
 * asynchronous storage write has not landed, the next poll sees it. If the time runs
 * out, the last failure is thrown: the assertion error with its diff, or the read's own
 * error (a Firefox page reloading destroys the context an evaluate ran in, as in
 * waitUntil in ./firefox.ts).
 *
 * Works for Playwright and Puppeteer alike, since `read` is any async function. A read
 * that does not answer (Playwright's locator reads wait for their element) is given up
 * at the deadline rather than left to its own, longer, timeout.
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  check: (value: T) => void,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const timeout = options.timeout ?? 10_000;
  const interval = options.interval ?? 100;
  const deadline = Date.now() + timeout;
  let attempts = 0;
  let failure: unknown;
  let failed = false;
  for (;;) {
    attempts++;
    try {
      const value = await withinDeadline(read, deadline);
      check(value);
      return value;
    } catch (error) {
      // A read cut off by the deadline says less than the assertion that failed before it.
      if (!(error instanceof ReadCutOff) || !failed) {
        failure = error;
        failed = true;
      }
    }
    if (Date.now() + interval >= deadline) {
      if (failure instanceof Error) failure.message += `\n(still failing after ${timeout} ms, ${attempts} reads)`;
      throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

class ReadCutOff extends Error {}

async function withinDeadline<T>(read: () => T | Promise<T>, deadline: number): Promise<T> {
  const pending = Promise.resolve().then(read);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadCutOff(`the read had not answered by the deadline: ${read.toString().slice(0, 200)}`)), Math.max(0, deadline - Date.now()));
  });
  // A read given up on may still fail later; that must not surface as an unhandled rejection.
  pending.catch(() => undefined);
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}
