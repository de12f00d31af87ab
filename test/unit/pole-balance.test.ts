// The shipped questionnaires (version 2) must not make the second ("to") pole the
// obviously attractive answer (issue #13): in version 1 the "to" statement was the longer one in
// about 70% of items, and warm words (together, shared, trust, learn...) were more than three times
// as common on the "to" side. These tests keep both in check, per questionnaire and per language.
// They also check the keying and the continuity rules the version-2 files rely on: within each
// dimension the "from" pole stands on the left about as often as the "to" pole, and a dimension
// marked "continuesFrom": 1 keeps an id that exists in version 1 (and no version-1 id is reused
// without that mark, since the history chart joins sittings by dimension id).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/core/problems';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';

const NEXT_DIR = fileURLToPath(new URL('../../questionnaires/', import.meta.url));

const V1_DIR = fileURLToPath(new URL('../../questionnaires/earlier/', import.meta.url));

type Text = Record<string, string>;
interface Item { id: string; dimension: string; leftPole: 'from' | 'to'; left: Text; right: Text }
interface Dimension { id: string; continuesFrom?: number; axis?: string }
interface Questionnaire { id: string; formatVersion: number; version: number; languages: string[]; dimensions: Dimension[]; items: Item[]; axes?: { id: string }[] }

/**
 * Words that make a statement sound like the right answer, per language. An entry ending in "*"
 * matches any word starting with it ("learn*": learn, learning, learned; "co-*": co-design).
 * Matching is on whole words, case-insensitive.
 */
const ATTRACTIVE_WORDS: Record<string, string[]> = {
  en: ['together', 'people', 'share', 'shares', 'shared', 'sharing', 'dialogue', 'dialogues', 'trust*', 'learn*', 'listen*', 'co-*',
    'partner', 'partners', 'partnership*', 'involve*', 'collaborat*', 'joint', 'jointly'],
  sv: ['tillsammans', 'människor', 'människorna', 'gemensam*', 'delad', 'delade', 'dialog*', 'tillit*', 'förtroende*', 'lär', 'lära',
    'lärande*', 'lärdom*', 'lyssna*', 'samarbet*', 'samverk*', 'samskap*', 'samprodu*', 'delaktig*', 'partner*'],
  da: ['sammen', 'mennesker', 'menneskene', 'fælles*', 'delt', 'delte', 'dialog*', 'tillid*', 'lære', 'lærer', 'lærte', 'læring*',
    'lærdom*', 'lyt*', 'samarbejd*', 'samskab*', 'samprodu*', 'inddrag*', 'partner*'],
};

/** Every shipped questionnaire (questionnaires/*.json of kind questionnaire), read as plain JSON; each must also pass the validator (below). */
const FILES = readdirSync(NEXT_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, questionnaire: JSON.parse(readFileSync(path.join(NEXT_DIR, name), 'utf8')) as Questionnaire & { kind?: string } }))
  .filter(({ questionnaire }) => questionnaire.kind === 'questionnaire');

/** The statement that describes the "to" pole and the one that describes the "from" pole. */
function statements(item: Item, language: string): { to: string; from: string } {
  const [to, from] = item.leftPole === 'to' ? [item.left, item.right] : [item.right, item.left];
  return { to: to[language] ?? '', from: from[language] ?? '' };
}

function countAttractiveWords(text: string, language: string): number {
  const entries = ATTRACTIVE_WORDS[language] ?? [];
  const words = text.toLocaleLowerCase(language).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-?/gu) ?? [];
  return words.filter((word) => entries.some((entry) => (entry.endsWith('*') ? word.startsWith(entry.slice(0, -1)) : word === entry))).length;
}

describe('the attractive-word counter', () => {
  it('counts whole words and prefixes, case-insensitively, in each language', () => {
    expect(countAttractiveWords('Together we co-design and share; learning is shared.', 'en')).toBe(5);
    expect(countAttractiveWords('Shareholders sharpen people-centred plans.', 'en')).toBe(0);
    expect(countAttractiveWords('Vi arbetar tillsammans i en gemensam plan.', 'sv')).toBe(2);
    expect(countAttractiveWords('Vi løser opgaven sammen i et fællesskab.', 'da')).toBe(2);
  });
});

describe('the shipped questionnaires', () => {
  it('are there to check (the six of version 2)', () => {
    expect(FILES.map((file) => file.name)).toEqual(['control-service.json', 'innovation-orientation.json', 'npm-npg.json', 'performance-capacity.json', 'production-service.json', 'silos-joined-up.json']);
  });
});

describe.each(FILES.map((file) => [file.name, file.questionnaire] as const))('%s', (_name, questionnaire) => {
  it.each(questionnaire.languages)('%s: the "to" statement is the longer one in 40% to 60% of items', (language) => {
    const longer = questionnaire.items.filter((item) => {
      const { to, from } = statements(item, language);
      return to.length > from.length;
    });
    const share = longer.length / questionnaire.items.length;
    const detail = `${longer.length} of ${questionnaire.items.length} items (${Math.round(share * 100)}%): ${longer.map((item) => item.id).join(', ')}`;
    expect(share, detail).toBeGreaterThanOrEqual(0.4);
    expect(share, detail).toBeLessThanOrEqual(0.6);
  });

  it.each(questionnaire.languages)('%s: attractive words appear in "to" statements at most 1.5 times as often as in "from" statements, plus 2', (language) => {
    let inTo = 0;
    let inFrom = 0;
    for (const item of questionnaire.items) {
      const { to, from } = statements(item, language);
      inTo += countAttractiveWords(to, language);
      inFrom += countAttractiveWords(from, language);
    }
    expect(inTo, `${inTo} in "to" statements, ${inFrom} in "from" statements`).toBeLessThanOrEqual(1.5 * inFrom + 2);
  });
});

/** The version-1 file kept in questionnaires/earlier/, which version 2 continues. */
function versionOne(name: string): Questionnaire {
  return JSON.parse(readFileSync(path.join(V1_DIR, name.replace(/\.json$/, '.v1.json')), 'utf8')) as Questionnaire;
}

describe.each(FILES.map((file) => [file.name, file.questionnaire] as const))('%s: keying and continuity', (name, questionnaire) => {
  it('has unique item ids, each on a dimension of the file', () => {
    const ids = questionnaire.items.map((item) => item.id);
    expect(new Set(ids).size, 'duplicate item ids').toBe(ids.length);
    const dimensionIds = new Set(questionnaire.dimensions.map((dimension) => dimension.id));
    expect(questionnaire.items.filter((item) => !dimensionIds.has(item.dimension)).map((item) => item.id)).toEqual([]);
  });

  it.each(questionnaire.dimensions.map((dimension) => [dimension.id] as const))('%s: at least 3 items, "from" and "to" on the left differ by at most one', (dimensionId) => {
    const items = questionnaire.items.filter((item) => item.dimension === dimensionId);
    expect(items.length).toBeGreaterThanOrEqual(3);
    const fromLeft = items.filter((item) => item.leftPole === 'from').length;
    const toLeft = items.length - fromLeft;
    expect(Math.abs(fromLeft - toLeft), `${fromLeft} "from" and ${toLeft} "to" on the left`).toBeLessThanOrEqual(1);
  });

  it('marks "continuesFrom": 1 exactly on the dimensions whose id exists in version 1', () => {
    const v1Dimensions = new Set(versionOne(name).dimensions.map((dimension) => dimension.id));
    const marked = questionnaire.dimensions.filter((dimension) => dimension.continuesFrom === 1).map((dimension) => dimension.id);
    expect(marked.filter((id) => !v1Dimensions.has(id)), 'marked but not in version 1').toEqual([]);
    const reused = questionnaire.dimensions.filter((dimension) => dimension.continuesFrom !== 1 && v1Dimensions.has(dimension.id));
    expect(reused.map((dimension) => dimension.id), 'version-1 id reused without continuesFrom: give a changed dimension a new id').toEqual([]);
  });

  it('keeps a version-1 item id only on the same dimension', () => {
    const v1Items = new Map(versionOne(name).items.map((item) => [item.id, item.dimension]));
    const moved = questionnaire.items.filter((item) => v1Items.has(item.id) && v1Items.get(item.id) !== item.dimension);
    expect(moved.map((item) => item.id)).toEqual([]);
  });

  it('puts every dimension on a declared axis, when the file has axes', () => {
    if (!questionnaire.axes) return;
    const axisIds = new Set(questionnaire.axes.map((axis) => axis.id));
    expect(questionnaire.dimensions.filter((dimension) => !axisIds.has(dimension.axis ?? '')).map((dimension) => dimension.id)).toEqual([]);
    for (const axisId of axisIds) {
      expect(questionnaire.dimensions.some((dimension) => dimension.axis === axisId), `no dimension on axis ${axisId}`).toBe(true);
    }
  });
});

describe('the shipped questionnaires against the one validator', () => {
  for (const { name, questionnaire } of FILES) {
    it(`${name} is a valid questionnaire of format 2, version 2`, () => {
      const checked = validateQuestionnaire(questionnaire);
      expect(checked.ok ? [] : checked.problems.map(describeProblem)).toEqual([]);
      expect([questionnaire.formatVersion, questionnaire.version]).toEqual([2, 2]);
    });
  }
});
