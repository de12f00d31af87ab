import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Questionnaire } from '../src/core/questionnaire/types';
import { asksWantedPerItem, itemsOf, textIn } from '../src/core/questionnaire/types';
import { draftKey } from '../src/core/storage/records';

/**
 * A baseline from another popular survey engine: SurveyJS (survey-core with its
 * framework-free UI, survey-js-ui, both MIT) rendering the same questionnaire, as a
 * page in the bench's copy of the extension, so the same browser, CSP and clock time
 * it. It uses SurveyJS as its documentation shows: the model from JSON, its own
 * stylesheet as a file (the fontless one, which fetches nothing from the network; the
 * CSP would refuse the web fonts anyway), one bundle. It marks `shiftmeter:ready` when
 * SurveyJS says its first page is rendered (onAfterRenderSurvey). Nothing of it ships.
 */
export const BASELINE_PAGE = 'baseline/surveyjs.html';

/**
 * The questionnaire as SurveyJS JSON, asked as Shiftmeter asks it. Format 2: a page per
 * dimension, each statement pair a 7-point rating with "does not apply" beside it, then a
 * second pass of a page per dimension asking the pairs again for "wanted". Format 1: a page
 * per dimension, each statement pair a 7-point rating, then the wanted position.
 */
export function surveyJsJson(questionnaire: Questionnaire, language = 'en') {
  const t = (text: Record<string, string>) => textIn(text, language);
  const rating = (name: string, title: string, left: string, right: string, extra: Record<string, unknown> = {}) => ({
    type: 'rating', name, title, isRequired: true, rateCount: 7, rateMin: 1, rateMax: 7, displayMode: 'buttons', minRateDescription: left, maxRateDescription: right, ...extra,
  });
  const common = { title: t(questionnaire.title), description: t(questionnaire.description), showProgressBar: 'top' };
  if (!asksWantedPerItem(questionnaire)) {
    return {
      ...common,
      pages: questionnaire.dimensions.map((dimension) => ({
        name: dimension.id,
        title: t(dimension.name),
        elements: [
          ...itemsOf(questionnaire, dimension.id).map((item, index, items) => rating(item.id, `Statement pair ${index + 1} of ${items.length}`, t(item.left), t(item.right))),
          rating(`wanted-${dimension.id}`, t(dimension.name), t(dimension.from), t(dimension.to)),
        ],
      })),
    };
  }
  const applies = (itemId: string) => `{na-${itemId}} != true`;
  return {
    ...common,
    pages: [
      ...questionnaire.dimensions.map((dimension) => ({
        name: dimension.id,
        title: t(dimension.name),
        elements: itemsOf(questionnaire, dimension.id).flatMap((item, index, items) => [
          // Required unless "does not apply" is ticked.
          rating(item.id, `Statement pair ${index + 1} of ${items.length}`, t(item.left), t(item.right), { isRequired: false, requiredIf: applies(item.id) }),
          { type: 'boolean', name: `na-${item.id}`, title: 'Does not apply to my unit', titleLocation: 'hidden', renderAs: 'checkbox' },
        ]),
      })),
      ...questionnaire.dimensions.map((dimension) => ({
        name: `wanted-${dimension.id}`,
        title: `Where you want to be: ${t(dimension.name)}`,
        elements: itemsOf(questionnaire, dimension.id).map((item, index, items) => rating(`wanted-${item.id}`, `Statement pair ${index + 1} of ${items.length}`, t(item.left), t(item.right), { visibleIf: applies(item.id) })),
      })),
    ],
  };
}

/** Writes the baseline page into `extensionDir` and returns its size (JS and CSS it loads). */
export async function addSurveyJsBaseline(extensionDir: string, questionnaire: Questionnaire): Promise<{ jsBytes: number; cssBytes: number }> {
  const dir = path.join(extensionDir, 'baseline');
  await mkdir(dir, { recursive: true });
  const entry = [
    "import { Model } from 'survey-core';",
    "import { renderSurvey } from 'survey-js-ui';",
    `const survey = new Model(${JSON.stringify(surveyJsJson(questionnaire))});`,
    "survey.onAfterRenderSurvey.add(() => performance.mark('shiftmeter:ready'));",
    "renderSurvey(survey, document.getElementById('app'));",
  ].join('\n');
  await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true, minify: true, format: 'esm', target: ['chrome120'], legalComments: 'none', logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(dir, 'surveyjs.js'),
  });
  await copyFile(createRequire(import.meta.url).resolve('survey-core/survey-core.fontless.min.css'), path.join(dir, 'survey-core.min.css'));
  await writeFile(path.join(extensionDir, BASELINE_PAGE), [
    '<!doctype html>', '<html lang="en">', '<head>', '  <meta charset="utf-8">', '  <title>SurveyJS baseline</title>',
    '  <link rel="stylesheet" href="survey-core.min.css">', '</head>', '<body>', '  <div id="app"></div>',
    '  <script type="module" src="surveyjs.js"></script>', '</body>', '</html>', '',
  ].join('\n'));
  const size = async (file: string) => (await readFile(path.join(dir, file))).length;
  return { jsBytes: await size('surveyjs.js'), cssBytes: await size('survey-core.min.css') };
}

/**
 * A questionnaire in progress, as the popup stores it when someone has started and not
 * finished: the popup then opens straight on the questionnaire's first page, which is
 * what the baseline shows.
 */
export function draftInProgress(questionnaire: Questionnaire, now = new Date()): Record<string, unknown> {
  const at = now.toISOString();
  return { [draftKey(questionnaire.id)]: { schema: 1, questionnaire: { id: questionnaire.id, version: questionnaire.version }, startedAt: at, updatedAt: at, page: 0, answered: 0 } };
}
