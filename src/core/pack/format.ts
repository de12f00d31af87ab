import { Type } from '../formats/type';
import { localizedText, plainText, shared, use, withHint } from '../formats/annotations';
import { Id, Languages, LanguageCode, SchemaReference } from '../formats/common';
import type { Questionnaire } from '../questionnaire/types';

/**
 * The course-pack file format, defined once: the `CoursePack` type, the validator
 * (`validateCoursePack`, which adds the rules across fields) and the published
 * `questionnaires/course-pack.schema.json` all come from here.
 */

export const PACK_LIMITS = { title: 120, short: 400, long: 1500, essay: 3000, source: 400 } as const;

const textOf = (name: string, maxLength: number, what: string) => localizedText(name, maxLength, {
  title: 'Text',
  description: `${what} One string per language listed in "languages" and no other: "en" is always required. Each at most ${maxLength} characters, not blank.`,
}, LanguageCode);

const TitleText = textOf('titleText', PACK_LIMITS.title, 'A title.');
const ShortText = textOf('shortText', PACK_LIMITS.short, 'A sentence or two.');
const LongText = textOf('longText', PACK_LIMITS.long, 'A paragraph, such as feedback.');
const EssayText = textOf('essayText', PACK_LIMITS.essay, 'Paragraphs separated by a blank line.');

const Sources = shared('sources', Type.Array(plainText(PACK_LIMITS.source, { title: 'Source', description: `A reference: at most ${PACK_LIMITS.source} characters, not blank.` }), {
  title: 'Sources',
  description: `1 to 10 references, plain text, each at most ${PACK_LIMITS.source} characters.`,
  minItems: 1,
  maxItems: 10,
}));

const Pole = Type.Enum(['from', 'to'], { title: 'Pole', description: 'The pole the statement belongs to: "from" or "to".' });

/** What every exercise has; its `kind` decides the rest. */
const exerciseBase = {
  id: use(Id, { title: 'Exercise id', description: 'Unique in the pack; a student\'s answers are stored under it.' }),
  title: use(TitleText, { title: 'Title', description: `The exercise's title; at most ${PACK_LIMITS.title} characters per language.` }),
  prompt: use(ShortText, { title: 'Prompt', description: `What the student is asked to do; at most ${PACK_LIMITS.short} characters per language.` }),
  sources: Sources,
};

const SortExercise = Type.Object({
  ...exerciseBase,
  kind: Type.Literal('sort', { title: 'Kind', description: 'Sort statements to the pole they belong to.' }),
  statements: Type.Array(Type.Object({
    id: use(Id, { title: 'Statement id', description: 'Unique in the pack.' }),
    text: use(ShortText, { title: 'Statement', description: 'What the student sorts.' }),
    pole: Pole,
    feedback: use(LongText, { title: 'Feedback', description: 'Why the statement belongs to its pole; shown after checking.' }),
  }, { title: 'Statement', additionalProperties: false }), {
    title: 'Statements',
    description: '4 to 10 statements, of both poles.',
    minItems: 4,
    maxItems: 10,
  }),
}, { title: 'Sort exercise', additionalProperties: false });

const ChooseExercise = Type.Object({
  ...exerciseBase,
  kind: Type.Literal('choose', { title: 'Kind', description: 'Choose the option that best serves an aim.' }),
  aim: use(ShortText, { title: 'Aim', description: 'What the options are meant to achieve.' }),
  options: Type.Array(Type.Object({
    id: use(Id, { title: 'Option id', description: 'Unique in the pack.' }),
    text: use(ShortText, { title: 'Option', description: 'What the student may choose.' }),
    best: Type.Boolean({ title: 'Best', description: 'true for exactly one option of the exercise.' }),
    feedback: use(LongText, { title: 'Feedback', description: 'Why this option serves the aim, or does not; shown after checking.' }),
  }, { title: 'Option', additionalProperties: false }), {
    title: 'Options',
    description: '2 to 4 options, exactly one of them with "best": true.',
    minItems: 2,
    maxItems: 4,
  }),
}, { title: 'Choose exercise', additionalProperties: false });

const PlaceExercise = Type.Object({
  ...exerciseBase,
  kind: Type.Literal('place', { title: 'Kind', description: 'Place a practice on the 7-point scale, then compare with an expert.' }),
  practice: use(LongText, { title: 'Practice', description: 'The practice the student places between the poles.' }),
  expert: Type.Object({
    position: Type.Integer({ title: 'Expert position', description: 'Where an expert places it: 1 (the "from" pole) to 7 (the "to" pole).', minimum: 1, maximum: 7 }),
    reasoning: use(LongText, { title: 'Reasoning', description: 'Why the expert places it there.' }),
  }, { title: 'Expert', additionalProperties: false }),
}, { title: 'Place exercise', additionalProperties: false });

/** A shipped questionnaire's id, or a whole questionnaire, checked by its own validator. */
const PackQuestionnaire = withHint(Type.Union([
  use(Id, { title: 'Shipped questionnaire', description: 'The id of a questionnaire that ships with Shiftmeter, e.g. "production-service".' }),
  Type.Unsafe<Questionnaire>({ $ref: './schema.json', title: 'Own questionnaire', description: 'A whole questionnaire, as described by schema.json beside this file.' }),
], { title: 'Questionnaire', description: 'The self-assessment the pack ends with: the id of a shipped questionnaire, or a whole questionnaire.' }), { rule: 'questionnaire' });

export const CoursePackFormat = Type.Object({
  $schema: Type.Optional(use(SchemaReference, { description: 'Where your editor finds this schema: "./course-pack.schema.json" next to the shipped files. Ignored by Shiftmeter.', examples: ['./course-pack.schema.json'] })),
  kind: Type.Literal('course-pack', { title: 'Kind of file', description: 'Always "course-pack".' }),
  formatVersion: Type.Literal(1, { title: 'Format version', description: 'Always 1: the version of this file format, not of your pack (that is "version").' }),
  id: use(Id, { title: 'Pack id', description: 'Stable identifier of the pack; never reuse it for a different pack.', examples: ['pack-cafe'] }),
  version: Type.Integer({ title: 'Pack version', description: 'Whole number from 1; raise it when the pack changes.', minimum: 1, maximum: 1_000_000 }),
  languages: Languages,
  title: use(TitleText, { title: 'Title', description: `The pack's title; at most ${PACK_LIMITS.title} characters per language.` }),
  description: use(ShortText, { title: 'Description', description: `One or two sentences on what the course is about; at most ${PACK_LIMITS.short} characters per language.` }),
  poles: Type.Object({
    from: use(TitleText, { title: 'First pole (score 0)', description: 'The name of the pole that scores 0, e.g. "Production logic".' }),
    to: use(TitleText, { title: 'Second pole (score 100)', description: 'The name of the pole that scores 100, e.g. "Service logic".' }),
  }, { title: 'Poles', description: 'The two ends of the contrast the course is about.', additionalProperties: false }),
  goals: Type.Array(use(ShortText, { title: 'Goal', description: 'What a student can do after the course.' }), { title: 'Goals', description: '2 to 6 learning goals.', minItems: 2, maxItems: 6 }),
  case: Type.Object({
    title: use(TitleText, { title: 'Case title' }),
    text: use(EssayText, { title: 'Case text', description: `The case, paragraphs separated by a blank line; at most ${PACK_LIMITS.essay} characters per language.` }),
  }, { title: 'Case', description: 'The case every exercise refers to.', additionalProperties: false }),
  exercises: Type.Array(Type.Union([SortExercise, ChooseExercise, PlaceExercise]), {
    title: 'Exercises',
    description: '3 to 12 exercises; each is a sort, choose or place exercise, told apart by "kind".',
    minItems: 3,
    maxItems: 12,
  }),
  questionnaire: PackQuestionnaire,
  reflections: Type.Array(Type.Object({
    id: use(Id, { title: 'Reflection id', description: 'Unique in the pack.' }),
    prompt: use(ShortText, { title: 'Prompt', description: 'A question the student answers in their own words.' }),
  }, { title: 'Reflection', additionalProperties: false }), { title: 'Reflections', description: '1 to 6 reflection prompts.', minItems: 1, maxItems: 6 }),
  debrief: use(EssayText, { title: 'Debrief', description: `What to take away; at most ${PACK_LIMITS.essay} characters per language.` }),
  sources: Sources,
}, { additionalProperties: false });

export const COURSE_PACK_SCHEMA_HEADER = {
  $id: 'https://shiftmeter.invalid/schema/course-pack.schema.json',
  title: 'Shiftmeter course pack',
  description: 'A course: goals, a case, exercises with feedback, a questionnaire, reflection prompts and a debrief. See docs/course-pack-format.md. Rules the schema cannot express, which `npx shiftmeter validate` checks: every text has exactly the declared languages; ids are unique in the pack; a sort exercise has statements of both poles; a choose exercise has exactly one option with "best": true.',
};
