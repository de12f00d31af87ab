import type { Questionnaire } from '../../../src/core/questionnaire/types';
import { itemsOf, textIn } from '../../../src/core/questionnaire/types';
import { scoreQuestionnaire, type QuestionnaireScore } from '../../../src/core/scoring';
import { en } from '../../../src/ui/i18n/en';
import { enDashboard } from '../../../src/ui/i18n/en-dashboard';
import { earlierQuestionnaire, plannedAnswers, shippedQuestionnaire, type Plan } from './answers';

/*
 * Shared by instrument-2-chromium.e2e.ts and instrument-2-firefox.e2e.ts (issue #13):
 * what a person sees when a questionnaire is taken as instrument 2 (format 2), and what
 * the history shows of a sitting answered on version 1 once version 2 is installed.
 */

export const text = { ...enDashboard, ...en };

/** A figure as tables show it: whole, or a dash when there is none. */
export const figure = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(Math.round(value) || 0));
export const signedFigure = (value: number | null | undefined) => {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value) || 0;
  return rounded > 0 ? `+${rounded}` : String(rounded);
};

/** A result table's row for one dimension: now, wanted, gap. */
export const resultCells = (entry: { now: number | null; wanted: number | null; gap: number | null }) => [figure(entry.now), figure(entry.wanted), signedFigure(entry.gap)];

/** "Today: …" under a pair in the wanted pass, for the position answered now. */
export const todayText = (position: number) => text['assess.nowWas'].replace('{position}', text[`assess.point${position}` as keyof typeof text]);

export const wantedHeading = (questionnaire: Questionnaire, dimension: string) =>
  text['assess.wantedPassHeading'].replace('{dimension}', textIn(questionnaire.dimensions.find((d) => d.id === dimension)!.name, 'en'));

export const dimensionName = (questionnaire: Questionnaire, dimension: string) => textIn(questionnaire.dimensions.find((d) => d.id === dimension)!.name, 'en');

/** Element id of a question's fieldset: `wanted:x` is `q-wanted-x`. */
export const fieldsetId = (question: string) => `q-${question.replace(':', '-')}`;

/**
 * (a) silos-joined-up with one dimension answered "does not apply" throughout, and one
 * item of another dimension too: the first has no score and no wanted page, the second
 * keeps its score (two items answered) and asks wanted for its two.
 */
export function notApplicableCase() {
  const questionnaire = shippedQuestionnaire('silos-joined-up');
  const allOut = questionnaire.dimensions[2]!.id;
  const oneOut = questionnaire.dimensions[4]!.id;
  const notApplicable = [...itemsOf(questionnaire, allOut).map((item) => item.id), itemsOf(questionnaire, oneOut)[0]!.id];
  return { questionnaire, allOut, oneOut, notApplicable, plan: plannedAnswers(questionnaire, { notApplicable }) };
}

/**
 * (c) control-service: a sitting answered on version 1 (its file kept in
 * questionnaires/earlier/), stored as the extension stored it then: "wanted" once per
 * dimension, no `wantedItems`. Version 2 keeps `view-of-people` (continuesFrom 1), drops
 * `roles` and adds `responsibility`.
 */
export function versionChangeCase() {
  const current = shippedQuestionnaire('control-service');
  const v1 = earlierQuestionnaire('control-service', 1);
  const v1Plan = plannedAnswers(v1);
  const v1Sitting = {
    schema: 1,
    id: 'control-service-v1-sitting',
    questionnaire: { id: v1.id, version: 1 },
    startedAt: '2025-03-10T08:50:00.000Z',
    completedAt: '2025-03-10T09:00:00.000Z',
    language: 'en',
    answers: v1Plan.answers,
    wanted: v1Plan.wanted,
  };
  return {
    current,
    v1,
    v1Sitting,
    v1Score: scoreQuestionnaire(v1, v1Sitting),
    v2Plan: plannedAnswers(current),
    continued: 'view-of-people',
    dropped: 'roles',
    added: 'responsibility',
  };
}

/**
 * The history table with the overall line and the two dimensions shown: its column
 * headings and, per sitting (oldest first), its cells after the date. The version-1
 * row has the continued dimension's "now" and nothing else: not the overall score
 * (other dimensions), not "wanted" (asked per dimension then, per item now), and
 * nothing for the dimension new in version 2.
 */
export function expectedHistoryTable(
  current: Questionnaire,
  shown: readonly string[],
  v1Score: QuestionnaireScore,
  v2Plan: Plan,
): { headers: string[]; rows: string[][] } {
  const lines = ['overall', ...shown];
  const name = (id: string) => (id === 'overall' ? text['result.overall'] : dimensionName(current, id));
  const headers = [text['history.date'], ...lines.map((id) => `${name(id)} · ${text['result.now']}`), ...lines.map((id) => `${name(id)} · ${text['result.wanted']}`)];
  const continues = (id: string) => current.dimensions.find((d) => d.id === id)?.continuesFrom === 1;
  const v1Now = (id: string) => (id !== 'overall' && continues(id) ? figure(v1Score.dimensions.find((d) => d.dimension === id)!.now) : '–');
  const v2 = (id: string, key: 'now' | 'wanted') => figure(id === 'overall' ? v2Plan.score.overall[key] : v2Plan.score.dimensions.find((d) => d.dimension === id)![key]);
  return {
    headers,
    rows: [
      [...lines.map(v1Now), ...lines.map(() => '–')],
      [...lines.map((id) => v2(id, 'now')), ...lines.map((id) => v2(id, 'wanted'))],
    ],
  };
}

/** The version-1 sitting's own page: each version-1 dimension's name with its now and wanted, then overall. */
export function expectedSittingScores(v1: Questionnaire, v1Score: QuestionnaireScore): string[][] {
  return [
    ...v1.dimensions.map((dimension, index) => [dimensionName(v1, dimension.id), figure(v1Score.dimensions[index]!.now), figure(v1Score.dimensions[index]!.wanted)]),
    [text['result.overall'], figure(v1Score.overall.now), figure(v1Score.overall.wanted)],
  ];
}
