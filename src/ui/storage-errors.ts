import type { Signal } from '@preact/signals';
import { StorageFullError } from '../core/storage/store';

export type SaveProblem = 'full' | 'failed';

export function classifySaveError(error: unknown): SaveProblem {
  return error instanceof StorageFullError ? 'full' : 'failed';
}

export function describeStorageError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why a write failed, for a view to say: `full` when the browser refused it for lack of
 * space (the view then says so in the person's language, with what to do), and the
 * browser's own words otherwise.
 */
export interface StorageFailure {
  full: boolean;
  detail: string;
}

export function storageFailure(error: unknown): StorageFailure {
  return { full: error instanceof StorageFullError, detail: describeStorageError(error) };
}

/** Runs a write, recording in `problem` whether it failed for lack of space or otherwise; true when it worked. */
export async function attemptSave(problem: Signal<SaveProblem | null>, action: () => Promise<void>): Promise<boolean> {
  try {
    await action();
    problem.value = null;
    return true;
  } catch (error) {
    problem.value = classifySaveError(error);
    return false;
  }
}
