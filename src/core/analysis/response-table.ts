import { asksWantedPerItem, type Questionnaire } from '../questionnaire/types';
import { answersOfResponse } from '../round/figure-sums';
import type { AnonymisedResponse } from '../round/response';
import { isScalePosition, scoreQuestionnaire, type ScalePosition } from '../scoring';
import { csvRow } from './csv-row';
import { towardsTo } from './orientation';

export const RESPONSE_COLUMNS = ['response', 'item', 'dimension', 'value', 'not_applicable', 'wanted'] as const;
export const SCORE_COLUMNS = ['response', 'dimension', 'now', 'wanted', 'gap', 'answered_items', 'items'] as const;

interface Row {
  id: string;
  /** The raw positions: the items' answers in questionnaire order, then "wanted" (per item in format 2, per dimension in format 1); 0 where none. */
  positions: Uint8Array;
}

export interface ResponseTable {
  add(response: AnonymisedResponse): void;
  readonly count: number;
  /** Long form, one line per response and item, the header first. */
  responseLines(): Generator<string>;
  /** One line per response and dimension, the header first. */
  scoreLines(): Generator<string>;
}

/**
 * The counted responses of a set, kept compactly (a byte per position) for the export's
 * raw tables, and written out sorted by response id, so that neither the order of the
 * files nor their names show in the export.
 */
export function createResponseTable(questionnaire: Questionnaire): ResponseTable {
  const perItem = asksWantedPerItem(questionnaire);
  const { items, dimensions } = questionnaire;
  const wantedKeys = perItem ? items.map((item) => item.id) : dimensions.map((dimension) => dimension.id);
  const rows: Row[] = [];
  let sorted = true;

  function add(response: AnonymisedResponse): void {
    const positions = new Uint8Array(items.length + wantedKeys.length);
    items.forEach((item, i) => {
      if (Object.hasOwn(response.answers, item.id)) positions[i] = response.answers[item.id]!;
    });
    wantedKeys.forEach((key, w) => {
      if (Object.hasOwn(response.wanted, key)) positions[items.length + w] = response.wanted[key]!;
    });
    if (rows.length > 0 && rows.at(-1)!.id > response.response) sorted = false;
    rows.push({ id: response.response, positions });
  }

  function inOrder(): Row[] {
    if (!sorted) rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    sorted = true;
    return rows;
  }

  function* responseLines(): Generator<string> {
    yield RESPONSE_COLUMNS.join(',');
    for (const { id, positions } of inOrder()) {
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const value = positions[i]!;
        const wanted = perItem ? positions[items.length + i]! : 0;
        // Format 1 had no "does not apply": an item missing there was left unanswered.
        yield csvRow([id, item.id, item.dimension, value === 0 ? null : towardsTo(item, value), perItem && value === 0, wanted === 0 ? null : towardsTo(item, wanted)]);
      }
    }
  }

  function* scoreLines(): Generator<string> {
    yield SCORE_COLUMNS.join(',');
    for (const row of inOrder()) {
      const score = scoreQuestionnaire(questionnaire, answersOfResponse(questionnaire, restored(row)));
      for (const d of score.dimensions) yield csvRow([row.id, d.dimension, d.now, d.wanted, d.gap, d.answered, d.total]);
    }
  }

  /** The answers and "wanted" of a kept row, as the response held them. */
  function restored({ positions }: Row): Pick<AnonymisedResponse, 'answers' | 'wanted'> {
    const answers: Record<string, ScalePosition> = {};
    const wanted: Record<string, ScalePosition> = {};
    items.forEach((item, i) => {
      if (isScalePosition(positions[i])) answers[item.id] = positions[i];
    });
    wantedKeys.forEach((key, w) => {
      const position = positions[items.length + w];
      if (isScalePosition(position)) wanted[key] = position;
    });
    return { answers, wanted };
  }

  return {
    add,
    get count() {
      return rows.length;
    },
    responseLines,
    scoreLines,
  };
}
