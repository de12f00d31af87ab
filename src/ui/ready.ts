import { useEffect } from 'preact/hooks';

export const READY_MARK = 'shiftmeter:ready';
let marked = false;

/** Marks the page ready (once) after the first render in which `ready` holds. */
export function useReadyMark(ready: boolean): void {
  useEffect(() => {
    if (!ready || marked) return;
    marked = true;
    performance.mark(READY_MARK);
  }, [ready]);
}
