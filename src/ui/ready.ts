import { useLayoutEffect } from 'preact/hooks';

export const READY_MARK = 'shiftmeter:ready';
let marked = false;

/**
 * Marks the page ready (once) after the first render in which `ready` holds. A layout
 * effect runs right after the DOM is committed; a plain effect would wait for the next
 * animation frame, which says nothing about when the page became usable.
 */
export function useReadyMark(ready: boolean): void {
  useLayoutEffect(() => {
    if (!ready || marked) return;
    marked = true;
    performance.mark(READY_MARK);
  }, [ready]);
}
