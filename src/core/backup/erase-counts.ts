import { isActionsRecord } from '../actions/actions';
import { isRoundActions } from '../round/round-actions';
import { backupKind } from './record-kinds';

/**
 * What "Erase everything" would remove, counted the way a person thinks of it, for the
 * warning before it. Every kind of record a person made is counted, so the warning never
 * says "0 sittings" to a student whose course work is about to go.
 */
export interface ErasableCounts {
  sittings: number;
  notes: number;
  reminders: number;
  /** Actions chosen after a result or agreed after a team round, one each. */
  actions: number;
  /** Questionnaires added from a file, a course pack or an invitation (each version counts). */
  added: number;
  /** Course packs a teacher loaded from a file. */
  packs: number;
  /** Courses in which a student answered an exercise, wrote a reflection or linked a sitting. */
  courses: number;
}

export function countErasable(all: Readonly<Record<string, unknown>>): ErasableCounts {
  const counts: ErasableCounts = { sittings: 0, notes: 0, reminders: 0, actions: 0, added: 0, packs: 0, courses: 0 };
  const courses = new Set<string>();
  for (const [key, value] of Object.entries(all)) {
    switch (backupKind(key)) {
      case 'sitting': counts.sittings++; break;
      case 'note': counts.notes++; break;
      case 'reminder': counts.reminders++; break;
      case 'actions': counts.actions += isActionsRecord(value) ? value.actions.length : 0; break;
      case 'round-actions': counts.actions += isRoundActions(value) ? value.actions.length : 0; break;
      case 'added-questionnaire': counts.added++; break;
      case 'pack': counts.packs++; break;
      // pack-answer:<pack>:<exercise>, pack-note:<pack>:<reflection>, pack-sitting:<pack>
      case 'pack-answer': case 'pack-note': case 'pack-sitting': courses.add(key.split(':')[1] ?? ''); break;
    }
  }
  counts.courses = courses.size;
  return counts;
}
