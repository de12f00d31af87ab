import { Type } from '../formats/type';
import { localizedText, plainText, shared, use, withHint } from '../formats/annotations';
import { Id, Languages, LanguageCode, SchemaReference } from '../formats/common';
import { SCALE_POINTS, TEXT_LIMITS } from './types';

/**
 * The questionnaire file format, defined once. The TypeScript type (`Questionnaire`),
 * the validator (`validateQuestionnaire`, which adds the rules across fields) and the
 * published `questionnaires/schema.json` (`npm run schemas`) all come from here.
 */

export const QUESTIONNAIRE_LIMITS = {
  maxVersion: 1_000_000,
  dimensions: { min: 1, max: 20 },
  sources: { min: 1, max: 20 },
  items: { min: 1, max: 400 },
} as const;

const NameText = localizedText('nameText', TEXT_LIMITS.name, {
  title: 'Name',
  description: `A short name. One string per language listed in "languages" and no other: "en" is always required, and a file that declares "sv" must give the "sv" text here too. Each at most ${TEXT_LIMITS.name} characters, not blank.`,
}, LanguageCode);

const LongText = localizedText('longText', TEXT_LIMITS.text, {
  title: 'Text',
  description: `A longer text. One string per language listed in "languages" and no other: "en" is always required, and a file that declares "sv" must give the "sv" text here too. Each at most ${TEXT_LIMITS.text} characters, not blank.`,
}, LanguageCode);

const StatementText = localizedText('statementText', TEXT_LIMITS.statement, {
  title: 'Statement',
  description: `A statement as shown beside the scale; aim for 120 characters, as it is read in a small popup. One string per language listed in "languages" and no other: "en" is always required, and a file that declares "sv" must give the "sv" text here too. Each at most ${TEXT_LIMITS.statement} characters, not blank.`,
}, LanguageCode);

const QuestionText = localizedText('reflectionQuestionText', TEXT_LIMITS.reflection, {
  title: 'Question',
  description: `A question for a team to discuss; aim for one sentence of about 140 characters, as it is read in a small popup. One string per language listed in "languages" and no other: "en" is always required, and a file that declares "sv" must give the "sv" text here too. Each at most ${TEXT_LIMITS.reflection} characters, not blank.`,
}, LanguageCode);

/**
 * Two questions per dimension after the two kinds of learning Argyris and Schön
 * described, so that a result can start a conversation rather than end in a figure.
 */
const Reflection = shared('reflection', Type.Object({
  singleLoop: use(QuestionText, {
    title: 'Single-loop question',
    description: 'A question about adjusting what the unit does within its current goals, rules and assumptions: what would we do differently next time? One open question, one idea, neutral between the poles.',
    examples: [{ en: 'Which routine for counting our results would we change first?' }],
  }),
  doubleLoop: use(QuestionText, {
    title: 'Double-loop question',
    description: 'A question about the assumptions, goals and norms behind how the unit works: which belief makes us work this way, and does it still hold? One open question, one idea; it must not presume that either pole is the goal.',
    examples: [{ en: 'What do we take for granted about what a good result is?' }],
  }),
}, {
  title: 'Reflection questions (format 2)',
  description: 'Two questions a team can discuss about this dimension, shown with the result: "singleLoop" (adjusting actions within today\'s goals and rules) and "doubleLoop" (questioning the assumptions, goals and norms behind them). Both are required when "reflection" is given.',
  additionalProperties: false,
}));

export const PolesFormat = Type.Object({
  from: use(NameText, { title: 'First pole (score 0)', description: 'The name of the pole that scores 0, e.g. "Production logic".' }),
  to: use(NameText, { title: 'Second pole (score 100)', description: 'The name of the pole that scores 100, e.g. "Service logic".' }),
}, {
  title: 'Poles',
  description: 'The two ends of the contrast. Scores run from 0 ("from") to 100 ("to"). Neither is "bad": results describe a position, not a grade.',
  additionalProperties: false,
});

const Dimension = shared('dimension', Type.Object({
  id: use(Id, { title: 'Dimension id', description: 'Unique in this file; items name their dimension by it.' }),
  name: use(NameText, { title: 'Name', description: `The dimension's name; at most ${TEXT_LIMITS.name} characters per language.` }),
  from: use(LongText, { title: 'The "from" pole here', description: 'One sentence: what the first pole (score 0) looks like on this dimension. Also one end of the "where do you want to be?" question.' }),
  to: use(LongText, { title: 'The "to" pole here', description: 'One sentence: what the second pole (score 100) looks like on this dimension. Also the other end of the "where do you want to be?" question.' }),
  theory: use(LongText, { title: 'Theory', description: 'Two to four plain sentences on the idea behind this contrast.' }),
  sources: Type.Array(plainText(TEXT_LIMITS.source, { title: 'Source', description: `A reference: at most ${TEXT_LIMITS.source} characters, not blank.` }), {
    title: 'Sources',
    description: `${QUESTIONNAIRE_LIMITS.sources.min} to ${QUESTIONNAIRE_LIMITS.sources.max} references, plain text, each at most ${TEXT_LIMITS.source} characters.`,
    minItems: QUESTIONNAIRE_LIMITS.sources.min,
    maxItems: QUESTIONNAIRE_LIMITS.sources.max,
  }),
  continuesFrom: Type.Optional(Type.Integer({
    title: 'Continues from version (format 2)',
    description: 'The earliest version of this questionnaire in which a dimension with this id meant the same: history charts its scores across those versions as one line. Leave it out when the meaning changed (and then give the dimension a new id).',
    minimum: 1,
    maximum: QUESTIONNAIRE_LIMITS.maxVersion,
  })),
  axis: Type.Optional(use(Id, { title: 'Axis (format 2)', description: 'The id of one of the file\'s "axes": required on every dimension when the file has axes.' })),
  reflection: Type.Optional(use(Reflection, { title: 'Reflection questions (format 2)', description: 'Optional: one single-loop and one double-loop question for a team to discuss, shown under the result.' })),
}, {
  title: 'Dimension',
  description: 'One aspect the questionnaire scores, with what each pole looks like on it. Its id must be unique in the file, and at least 3 items must name it.',
  additionalProperties: false,
}));

const Axis = shared('axis', Type.Object({
  id: use(Id, { title: 'Axis id', description: 'Unique in this file; dimensions name their axis by it.' }),
  name: use(NameText, { title: 'Name', description: `The axis's name; at most ${TEXT_LIMITS.name} characters per language.` }),
  from: use(NameText, { title: 'One end', description: 'What the end at 0 is called.' }),
  to: use(NameText, { title: 'Other end', description: 'What the end at 100 is called.' }),
}, {
  title: 'Axis',
  description: 'One axis of a two-axis profile: its score is the mean of its dimensions\' scores.',
  additionalProperties: false,
}));

const Item = shared('item', Type.Object({
  id: use(Id, { title: 'Item id', description: 'Unique in this file; answers are stored under it.' }),
  // Checked as a reference (does the file define it?) rather than as an id, which says more.
  dimension: use(Id, { title: 'Dimension', description: 'The id of a dimension defined in this file\'s "dimensions".' }, { rule: 'dimension-reference' }),
  leftPole: Type.Enum(['from', 'to'], {
    title: 'Pole on the left',
    description: 'Which pole the left statement describes: "from" or "to". Alternate it within a dimension (the counts may differ by at most 1), so that leaning one way does not mean clicking the same side each time.',
  }),
  left: use(StatementText, { title: 'Left statement', description: `The statement shown left of the scale, describing the pole named in "leftPole"; at most ${TEXT_LIMITS.statement} characters per language.` }),
  right: use(StatementText, { title: 'Right statement', description: `The statement shown right of the scale, describing the other pole; at most ${TEXT_LIMITS.statement} characters per language.` }),
}, {
  title: 'Item',
  description: 'A pair of statements on one dimension, answered on the 7-point scale between them. Its id must be unique in the file.',
  additionalProperties: false,
}));

export const QuestionnaireFormat = Type.Object({
  $schema: Type.Optional(use(SchemaReference, { description: 'Where your editor finds this schema, for completion and checking as you type; "./schema.json" next to the shipped files. Ignored by Shiftmeter.', examples: ['./schema.json'] })),
  kind: Type.Literal('questionnaire', { title: 'Kind of file', description: 'Always "questionnaire".' }),
  formatVersion: Type.Union([Type.Literal(1), Type.Literal(2)], {
    title: 'Format version',
    description: 'The version of this file format, not of your questionnaire (that is "version"). 1, or 2 for a file that uses what format 2 adds: "axes", a dimension\'s "axis", "continuesFrom" and "reflection". A questionnaire of format 2 is asked as instrument 2: every item can be answered "does not apply to my unit", and "wanted" is asked per item.',
  }),
  id: use(Id, { title: 'Questionnaire id', description: 'Stable identifier: lower-case letters, digits and hyphens, starting with a letter, at most 64 characters. Never reuse an id for a different questionnaire.', examples: ['production-service'] }),
  version: Type.Integer({
    title: 'Questionnaire version',
    description: 'Whole number from 1. Changing what an item means needs a new version: results on different versions are not mixed. Shipped questionnaires are locked in questionnaires/lock.json.',
    minimum: 1,
    maximum: QUESTIONNAIRE_LIMITS.maxVersion,
  }),
  languages: Languages,
  title: use(NameText, { title: 'Title', description: `The questionnaire's name, shown in the list of questionnaires; at most ${TEXT_LIMITS.name} characters per language.` }),
  description: use(LongText, { title: 'Description', description: `One or two sentences shown under the title in the list of questionnaires; at most ${TEXT_LIMITS.text.toLocaleString('en')} characters per language.` }),
  poles: PolesFormat,
  axes: Type.Optional(Type.Array(Axis, {
    title: 'Axes (format 2)',
    description: 'For a profile instead of one score: exactly two axes, each with at least 2 dimensions (a dimension names its axis). The result is shown as a position on each axis.',
    minItems: 2,
    maxItems: 2,
  })),
  scale: Type.Object({
    points: withHint(Type.Literal(SCALE_POINTS, { title: 'Points on the scale', description: 'Always 7: 1 = the left statement fits completely, 7 = the right one, 4 = in between.' }), {
      why: 'scale-points',
    }),
  }, { title: 'Scale', description: 'The answer scale; always { "points": 7 }.', additionalProperties: false }),
  dimensions: Type.Array(Dimension, {
    title: 'Dimensions',
    description: 'The aspects the questionnaire scores, 1 to 20 (shipped questionnaires have 6 to 10). Ids must be unique, and each dimension needs at least 3 items.',
    minItems: QUESTIONNAIRE_LIMITS.dimensions.min,
    maxItems: QUESTIONNAIRE_LIMITS.dimensions.max,
  }),
  items: Type.Array(Item, {
    title: 'Items',
    description: 'The pairs of statements a person answers, 1 to 400. Ids must be unique; each names a dimension of this file; within a dimension, alternate which pole stands on the left.',
    minItems: QUESTIONNAIRE_LIMITS.items.min,
    maxItems: QUESTIONNAIRE_LIMITS.items.max,
  }),
}, { additionalProperties: false });

export const QUESTIONNAIRE_SCHEMA_HEADER = {
  $id: 'urn:shiftmeter:questionnaire-format:1',
  title: 'Shiftmeter questionnaire',
  description: 'A Shiftmeter self-assessment questionnaire: pairs of statements on dimensions between two poles, scored 0 (the "from" pole) to 100 (the "to" pole). See docs/questionnaire-format.md. Check a file with `npx shiftmeter validate FILE`, which also checks the rules across fields that this schema cannot express: dimension ids and item ids are unique within the file; every item\'s "dimension" is the id of a dimension in the file; every dimension has at least 3 items; within a dimension the counts of "from" and "to" in "leftPole" differ by at most 1; every text gives exactly the languages in "languages"; "axes", "axis", "continuesFrom" and "reflection" need "formatVersion": 2; with "axes", every dimension names one of them and each axis has at least 2 dimensions; "continuesFrom" is an earlier version than the file\'s.',
};
