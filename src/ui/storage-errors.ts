import { StorageFullError } from '../core/storage/store';

export type SaveProblem = 'full' | 'failed';

export function classifySaveError(error: unknown): SaveProblem {
  return error instanceof StorageFullError ? 'full' : 'failed';
}

export function describeStorageError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
