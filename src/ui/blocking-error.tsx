import { useApp } from './app-context';
import { useReadyMark } from './ready';

/** Replaces a page when its data cannot be used safely; says what to do. */
export function BlockingError() {
  const message = useApp().blockingError.value;
  useReadyMark(message !== null);
  return message ? <p class="notice notice-error" role="alert">{message}</p> : null;
}
