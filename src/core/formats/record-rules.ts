import type { ShapeChecker } from '../shape';
import type { RuleCheck } from './check-shape';
import { isIsoDate } from './iso-date';

/** Rules every stored record may use. */
export const RECORD_RULES = (check: ShapeChecker): Record<string, RuleCheck> => ({
  // A time as `toISOString()` writes it; the pattern alone would let "2024-13-40…" through.
  'iso-date': (value, path) => {
    if (value !== undefined && !isIsoDate(value)) check.problem(path, 'not-a-date', {});
  },
});
