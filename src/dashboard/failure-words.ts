import type { AppModel } from '../ui/app-model';
import type { StorageFailure } from '../ui/storage-errors';

type Translate = AppModel['i18n']['t']['value'];

/**
 * Why a write failed, as one sentence: a full storage in the person's language, with what
 * to do about it; any other failure in the browser's words (which Shiftmeter cannot know
 * in advance), ended as a sentence.
 */
export function failureWords(t: Translate, failure: StorageFailure): string {
  if (failure.full) return t('storage.full');
  const detail = failure.detail.trim();
  return /[.!?]$/.test(detail) ? detail : `${detail}.`;
}
