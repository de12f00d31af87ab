import { describe, expect, it } from 'vitest';
import { countErasable } from '../../src/core/backup/erase-counts';

const at = '2026-01-01T00:00:00.000Z';
const action = (id: string) => ({ id, sittingId: 's-1', dimension: 'd-1', text: 'Try it', createdAt: at });

describe('what "Erase everything" would remove', () => {
  it('counts every kind of record a person made, course work by course and actions one by one', () => {
    const counts = countErasable({
      schemaVersion: 4,
      settings: { schema: 1, language: null, theme: 'system' },
      'sitting:s-1': {}, 'sitting:s-2': {},
      'note:s-1': {},
      'reminder:production-service': {},
      'actions:production-service': { schema: 1, questionnaireId: 'production-service', actions: [action('a-1'), action('a-2')] },
      'added:own@1': {}, 'added:own@2': {}, 'added-questionnaires': {},
      'pack:teacher-pack': {},
      'pack-answer:pack-cafe:e-1': { schema: 1, answer: 3, checked: false, updatedAt: at },
      'pack-answer:pack-cafe:e-2': { schema: 1, answer: 4, checked: true, updatedAt: at },
      'pack-note:pack-tax-agency:r-1': { schema: 1, text: 'Because', updatedAt: at },
      'pack-order': {},
      'draft:production-service': {},
      'recent:production-service': {},
    });
    expect(counts).toEqual({ sittings: 2, notes: 1, reminders: 1, actions: 2, added: 2, packs: 1, courses: 2 });
  });

  it('counts nothing in a store that holds only its version and settings', () => {
    expect(countErasable({ schemaVersion: 4, settings: {} })).toEqual({ sittings: 0, notes: 0, reminders: 0, actions: 0, added: 0, packs: 0, courses: 0 });
  });

  it('does not count actions in a record it cannot read', () => {
    expect(countErasable({ 'actions:x': { schema: 9, actions: [1, 2, 3] } }).actions).toBe(0);
  });
});
