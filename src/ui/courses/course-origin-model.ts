import { action, createModel, signal } from '@preact/signals';
import { packSittingKey, packSittingLink } from '../../core/pack/pack-sitting';
import type { LocalizedText } from '../../core/questionnaire/types';
import type { Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import { describeStorageError } from '../storage-errors';

export interface CourseOriginServices {
  store: KeyValueStore;
  /** The pack's title, or null when no such pack is shipped or loaded in this browser. */
  findPack(packId: string): Promise<{ title: LocalizedText; languages: readonly string[] } | null>;
}

export type CourseOrigin =
  | { kind: 'checking' }
  | { kind: 'found'; title: LocalizedText; languages: readonly string[] }
  | { kind: 'missing' };

export type CourseLink = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; detail: string };

/**
 * A self-assessment taken from a course (the route names the pack): which course it is,
 * and, once the sitting is finished, the link that lets the course show its result
 * (see core/pack/pack-sitting.ts). A pack this browser does not have gets no link.
 */
export const CourseOriginModel = createModel((services: CourseOriginServices, packId: string) => {
  const course = signal<CourseOrigin>({ kind: 'checking' });
  const link = signal<CourseLink>({ kind: 'idle' });
  const found = services.findPack(packId).then(
    (pack) => void (course.value = pack ? { kind: 'found', title: pack.title, languages: pack.languages } : { kind: 'missing' }),
    () => void (course.value = { kind: 'missing' }),
  );

  const record = action(async (sitting: Sitting) => {
    await found;
    if (course.value.kind !== 'found') return;
    try {
      await services.store.set({ [packSittingKey(packId)]: packSittingLink(packId, sitting) });
      link.value = { kind: 'saved' };
    } catch (error) {
      link.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  return { course, link, record };
});
