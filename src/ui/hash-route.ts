import { focusNextViewHeading } from './ready';
import { useEffect, useState } from 'preact/hooks';

/** The dashboard's view lives in the URL hash (`#/take/production-service`), so reload and back work. */
export function useHashRoute(): string[] {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const update = () => {
      if (keepFocus) keepFocus = false;
      else focusNextViewHeading();
      setHash(location.hash);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return parseRoute(hash);
}

export function parseRoute(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export function navigate(...parts: string[]): void {
  location.hash = hashOf(parts);
}

let keepFocus = false;

/**
 * Changes the address without moving the focus to the view's heading: for a control that
 * chooses what the same view shows (the history's questionnaire). Arrow keys in a select
 * change it at each press, and a keyboard user must stay in it to go on choosing.
 */
export function navigateInPlace(...parts: string[]): void {
  const hash = hashOf(parts);
  if (hash === location.hash) return;
  keepFocus = true;
  location.hash = hash;
}

const hashOf = (parts: readonly string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;
