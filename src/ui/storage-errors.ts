import type { Signal } from '@preact/signals';
import { StorageFullError } from '../core/storage/store';

export type SaveProblem = 'full' | 'failed';

export function classifySaveError(error: unknown): SaveProblem {
  return error instanceof StorageFullError ? 'full' : 'failed';
}

export function describeStorageError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
