import { asBenchPage, waitForMark, type BenchDriver } from './page-timing';
import { notMeasured } from './stats';
import type { Figure, HeapFigure } from './targets';
import { CHARTS_DRAWN } from './views';

/**
 * The dashboard's JS heap once #/history has drawn `count` sittings: a GC forced over
 * CDP (HeapProfiler.collectGarbage), then performance.memory.usedJSHeapSize read in the
 * page, and the isolate's exact figure (Runtime.getHeapUsage) beside it.
 */
export async function chromiumHeap(driver: BenchDriver, count: number, timeoutMs: number, log: (line: string) => void): Promise<Figure<HeapFigure>> {
  const ext = driver.chromium!;
  log(`chromium: the dashboard's heap after drawing ${count} sittings`);
  const page = await ext.context.newPage();
  try {
    const cdp = await ext.context.newCDPSession(page);
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/history`, { waitUntil: 'commit' });
    if ((await waitForMark(asBenchPage(page), CHARTS_DRAWN, timeoutMs)) === null) return notMeasured(`'${CHARTS_DRAWN}' did not come within ${timeoutMs / 1000} s with ${count} sittings`);
    let gcForced = true;
    try {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
    } catch {
      gcForced = false;
    }
    const usedJSHeapSize = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
    if (usedJSHeapSize === null) return notMeasured('performance.memory is missing in this Chromium');
    const usage = await cdp.send('Runtime.getHeapUsage').catch(() => null);
    return { sittings: count, usedJSHeapSize, runtimeUsedSize: usage?.usedSize ?? null, gcForced };
  } catch (error) {
    return notMeasured(`reading the heap failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await page.close();
  }
}

