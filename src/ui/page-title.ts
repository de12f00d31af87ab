import { useEffect } from 'preact/hooks';
import { useApp } from './app-context';

/**
 * Names the window after what a view shows (a round, the questionnaire being taken) while
 * it is on screen, instead of the view's own name. Leaving it gives the view's name back,
 * unless another view has set its own by then.
 */
export function usePageTitle(title: string | null, viewTitle: string): void {
  const app = useApp();
  useEffect(() => {
    if (title === null) return;
    app.pageTitle.value = title;
    return () => {
      if (app.pageTitle.peek() === title) app.pageTitle.value = viewTitle;
    };
  }, [title]);
}
