import { signal } from '@preact/signals';
import type { DeletedSitting } from './history-model';

/** The sitting deleted last, kept in the page until the person undoes it or moves on. */
export const lastDeleted = signal<DeletedSitting | null>(null);
