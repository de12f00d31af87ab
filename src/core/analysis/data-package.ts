import { asksWantedPerItem, type LocalizedText, type Questionnaire } from '../questionnaire/types';
import { TOKEN_PATTERN } from '../round/token';
import { dimensionColumns, itemColumns } from './codebook';

/**
 * The descriptor (datapackage.json) of the kit's export: a Frictionless Data Package
 * (https://datapackage.org, version 2) of CSV tables, each with a Table Schema, so that
 * DuckDB, pandas, R or a validator read every column with its type, its range and what
 * it means. The raw tables are in it only when they were written.
 */

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export const RESOURCE_FILES = {
  teamFigures: 'team-figures.csv',
  items: 'items.csv',
  dimensions: 'dimensions.csv',
  responses: 'responses.csv',
  scores: 'scores.csv',
} as const;

/** What `aggregate --format csv` prints, in its order (src/cli/aggregate-output.ts). */
export const TEAM_FIGURE_COLUMNS = ['dimension', 'n', 'mean', 'wanted_n', 'wanted_mean'] as const;

export interface PackageFacts {
  questionnaire: Questionnaire;
  round: string | null;
  minGroup: number;
  /** Responses counted. */
  n: number;
  includesResponses: boolean;
  /** When the export was made, as an ISO date-time. */
  created: string;
}

type Field = { name: string; type: 'string' | 'integer' | 'number' | 'boolean'; title: string; description: string } & Record<string, unknown>;

const string = (name: string, title: string, description: string, constraints?: object): Field => ({ name, type: 'string', title, description, ...(constraints ? { constraints } : {}) });
const integer = (name: string, title: string, description: string, constraints: object): Field => ({ name, type: 'integer', title, description, constraints });
const number = (name: string, title: string, description: string, constraints: object): Field => ({ name, type: 'number', title, description, constraints });

/** "Production logic" (en), "Produktionslogik" (sv): a pole's name in every language of the file. */
function inEveryLanguage(text: LocalizedText, languages: readonly string[]): string {
  return languages.map((lang) => `"${text[lang]}" (${lang})`).join(', ');
}

export function dataPackageDescriptor(facts: PackageFacts): Record<string, unknown> {
  const { questionnaire: q, round } = facts;
  const named = `${q.id} version ${q.version}${round === null ? '' : `, round ${round}`}`;
  const resources = [teamFigures(facts), items(q), dimensions(q), ...(facts.includesResponses ? [responses(q), scores(q)] : [])];
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: `shiftmeter-${q.id}-v${q.version}${round === null ? '' : `-${round}`}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    title: `Shiftmeter: ${named}`,
    description: [
      `Answers to the Shiftmeter questionnaire ${named}: ${facts.n} responses counted, minimum group ${facts.minGroup}.`,
      'team-figures.csv holds the figures `shiftmeter aggregate` publishes, under its disclosure rule.',
      facts.includesResponses
        ? 'responses.csv and scores.csv hold each response\'s answers and scores: they identify people as much as the response files do; keep and share them as those files are kept.'
        : 'Each response\'s answers are not in this package (export with --include-responses to add them).',
      'How to load the tables and what each figure means: docs/analysis.md in Shiftmeter.',
    ].join(' '),
    created: facts.created,
    'shiftmeter:questionnaire': { id: q.id, version: q.version, formatVersion: q.formatVersion },
    'shiftmeter:round': round,
    'shiftmeter:minGroup': facts.minGroup,
    resources,
  };
}

function table(name: keyof typeof RESOURCE_FILES, title: string, description: string, fields: Field[], keys: { primaryKey: string[]; foreignKeys?: object[] }) {
  return {
    name: RESOURCE_FILES[name].replace(/\.csv$/, ''),
    type: 'table',
    path: RESOURCE_FILES[name],
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    title,
    description,
    dialect: { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true },
    schema: { fields, missingValues: [''], ...keys },
  };
}

const dimensionIds = (q: Questionnaire) => q.dimensions.map((d) => d.id);
const SCORE_RANGE = { minimum: 0, maximum: 100 };
const scoreMeaning = (q: Questionnaire) => `0 is the "from" pole (${inEveryLanguage(q.poles.from, q.languages)}), 100 the "to" pole (${inEveryLanguage(q.poles.to, q.languages)})`;

function teamFigures({ questionnaire: q, minGroup }: PackageFacts) {
  const below = `Empty below the minimum group of ${minGroup} answers`;
  const fields: Field[] = [
    string('dimension', 'Dimension', 'A dimension\'s id (dimensions.csv), or "overall".', { required: true, unique: true, enum: [...dimensionIds(q), 'overall'] }),
    integer('n', 'Responses', 'The responses behind this row\'s figures: those with a score on the dimension; for "overall", all responses counted.', { required: true, minimum: 0 }),
    integer('mean', 'Mean score', `The mean score as a whole number, ${scoreMeaning(q)}. ${below}. For "overall", the mean of the dimensions' means.`, SCORE_RANGE),
    integer('wanted_n', 'Wanted answers', `The responses behind the mean wanted score: those that gave "wanted" on enough of the dimension's statements. Empty for "overall".`, { minimum: 0 }),
    integer('wanted_mean', 'Mean wanted score', `Where the team wants to be, on the same 0–100 scale, as a whole number. ${below}; never for "overall".`, SCORE_RANGE),
  ];
  return table('teamFigures', 'Team figures', `The figures \`shiftmeter aggregate --format csv\` prints for these responses: one row per dimension and "overall", under the disclosure rule (minimum group ${minGroup}). Below the minimum group the only row is "overall", with n. No median, quartile or Cronbach's alpha is published: made-up files could put a median on a real person's score, or read one person's answers from alpha (docs/privacy.md). Alpha, with its interval, is \`shiftmeter analyse\`'s, for whoever holds the response files (docs/analysis.md).`, fields, { primaryKey: ['dimension'] });
}

function items(q: Questionnaire) {
  const fields: Field[] = itemColumns(q).map((column): Field => {
    if (column === 'item') return string('item', 'Item', 'The item\'s id.', { required: true, unique: true });
    if (column === 'dimension') return string('dimension', 'Dimension', 'The id of the item\'s dimension (dimensions.csv).', { required: true, enum: dimensionIds(q) });
    if (column === 'left_pole') return string('left_pole', 'Pole on the left', 'Which pole the left statement describes. "to": the item was shown reversed, and its positions in responses.csv are turned (8 − the position answered) so that 1 is always the "from" pole.', { required: true, enum: ['from', 'to'] });
    const [side, lang] = column.split('_') as [string, string];
    return string(column, `${side === 'left' ? 'Left' : 'Right'} statement (${lang})`, `The statement shown ${side} of the scale, in ${lang}.`, { required: true });
  });
  return table('items', 'Items', 'The questionnaire\'s items: their dimension, which pole the left statement describes, and the statements in each language.', fields, {
    primaryKey: ['item'],
    foreignKeys: [{ fields: ['dimension'], reference: { resource: 'dimensions', fields: ['dimension'] } }],
  });
}

function dimensions(q: Questionnaire) {
  const fields: Field[] = dimensionColumns(q).map((column): Field => {
    if (column === 'dimension') return string('dimension', 'Dimension', 'The dimension\'s id.', { required: true, unique: true });
    const [part, lang] = column.split('_') as [string, string];
    const what = { name: 'The dimension\'s name', from: 'What the "from" pole (score 0) looks like on this dimension', to: 'What the "to" pole (score 100) looks like on this dimension' }[part]!;
    return string(column, `${part} (${lang})`, `${what}, in ${lang}.`, { required: true });
  });
  return table('dimensions', 'Dimensions', 'The questionnaire\'s dimensions, with their names and poles in each language.', fields, { primaryKey: ['dimension'] });
}

/** The 1–7 scale of a position, with its poles' names: as a description and as a property a program can read. */
function scaleField(q: Questionnaire, name: string, title: string, what: string): Field {
  return {
    ...integer(name, title, `${what}. The scale runs from 1, the "from" pole (${inEveryLanguage(q.poles.from, q.languages)}), to 7, the "to" pole (${inEveryLanguage(q.poles.to, q.languages)}), whichever statement was shown on the left (items.csv, left_pole); 4 is in between.`, { minimum: 1, maximum: 7 }),
    'shiftmeter:scale': { 1: q.poles.from, 7: q.poles.to },
  };
}

function responses(q: Questionnaire) {
  const perItem = asksWantedPerItem(q);
  const fields: Field[] = [
    string('response', 'Response', 'The response\'s random id: it tells responses apart, not people.', { required: true, pattern: TOKEN_PATTERN.regex.source }),
    string('item', 'Item', 'The item\'s id (items.csv).', { required: true, enum: q.items.map((item) => item.id) }),
    string('dimension', 'Dimension', 'The item\'s dimension (dimensions.csv).', { required: true, enum: dimensionIds(q) }),
    scaleField(q, 'value', 'Position now', 'Where the person put their unit today on this item; empty when not answered'),
    { name: 'not_applicable', type: 'boolean', title: 'Does not apply', description: perItem ? 'true when the person answered "does not apply to my unit" (then value and wanted are empty).' : 'Always false: this questionnaire (format 1) had no "does not apply"; an empty value means the item was left unanswered.', trueValues: ['true'], falseValues: ['false'], constraints: { required: true } },
    scaleField(q, 'wanted', 'Position wanted', perItem ? 'Where the person wants their unit to be on this item; empty when not given' : 'Always empty: this questionnaire (format 1) asked "wanted" once per dimension, so it is in scores.csv'),
  ];
  return table('responses', 'Responses, long form', 'One row per response and item: each person\'s answers, turned so that 1 is always the "from" pole. As identifying as the response files.', fields, {
    primaryKey: ['response', 'item'],
    foreignKeys: [{ fields: ['item'], reference: { resource: 'items', fields: ['item'] } }, { fields: ['dimension'], reference: { resource: 'dimensions', fields: ['dimension'] } }],
  });
}

function scores(q: Questionnaire) {
  const fields: Field[] = [
    string('response', 'Response', 'The response\'s random id, as in responses.csv.', { required: true, pattern: TOKEN_PATTERN.regex.source }),
    string('dimension', 'Dimension', 'The dimension\'s id (dimensions.csv).', { required: true, enum: dimensionIds(q) }),
    number('now', 'Score now', `The person's score on the dimension, ${scoreMeaning(q)}: the mean of the answered items' positions mapped to 0–100. Empty with fewer than 2 items answered.`, SCORE_RANGE),
    number('wanted', 'Score wanted', 'Where the person wants to be, on the same scale; empty when not given (format 2: fewer than 2 items with a wanted position).', SCORE_RANGE),
    number('gap', 'Gap', 'wanted − now: positive means towards the "to" pole. Empty when either is.', { minimum: -100, maximum: 100 }),
    integer('answered_items', 'Items answered', 'Items of the dimension answered (not "does not apply").', { required: true, minimum: 0 }),
    integer('items', 'Items', 'Items of the dimension.', { required: true, minimum: 1 }),
  ];
  return table('scores', 'Scores per response and dimension', 'Each response\'s scores as the extension shows them to the person (0–100, not rounded). As identifying as the response files.', fields, {
    primaryKey: ['response', 'dimension'],
    foreignKeys: [{ fields: ['dimension'], reference: { resource: 'dimensions', fields: ['dimension'] } }],
  });
}
