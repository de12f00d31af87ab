import { useLayoutEffect } from 'preact/hooks';

export const READY_MARK = 'shiftmeter:ready';
let marked = false;
let focusOnNextReady = false;

/**
 * After a person changes the view (a link, a button that navigates, going back), the next
 * view to become ready puts the focus on its main heading: a keyboard user continues from
 * there, and a screen reader announces where they are, once. The first view of a page
 * load leaves the focus where the browser puts it.
 */
export function focusNextViewHeading(): void {
  focusOnNextReady = true;
}

/**
 * Puts the focus on the view's heading (one marked data-view-heading, else the main h1; made focusable for it, not tabbable).
 * A view that has already put the focus on a heading of its own keeps it: each page of a
 * questionnaire focuses its h2 (the dimension, the actions, the result) under the h1 that names the questionnaire.
 */
export function focusMainHeading(): void {
  const marked = document.querySelector<HTMLElement>('[data-view-heading]');
  const active = document.activeElement;
  if (!marked && active instanceof HTMLElement && /^H[1-6]$/.test(active.tagName) && active.closest('main')) return;
  const heading = marked ?? document.querySelector<HTMLElement>('main h1, h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/**
 * Marks the page ready (once) after the first render in which `ready` holds. A layout
 * effect runs right after the DOM is committed; a plain effect would wait for the next
 * animation frame, which says nothing about when the page became usable. A view that
 * becomes ready after a change of view also takes the focus on its heading.
 */
export function useReadyMark(ready: boolean): void {
  useLayoutEffect(() => {
    if (!ready) return;
    if (focusOnNextReady) {
      focusOnNextReady = false;
      focusMainHeading();
    }
    if (marked) return;
    marked = true;
    performance.mark(READY_MARK);
  }, [ready]);
}
