import type { Static } from 'typebox';
import type { ReadonlyLists } from '../formats/annotations';
import type { QuestionnaireFormat } from './format';
import { PATTERN_WORDS } from '../problem-words';

/** A text given in every language its questionnaire declares, keyed by language code. */
export type LocalizedText = Readonly<Record<string, string>>;

export type Pole = 'from' | 'to';

/** A questionnaire file as the validator accepts it; the shape is defined once, in `./format.ts`. */
export type Questionnaire = ReadonlyLists<Static<typeof QuestionnaireFormat>>;
export type Dimension = Questionnaire['dimensions'][number];
export type Item = Questionnaire['items'][number];

/** What every file of the kit (questionnaire or course pack) starts with. */
export type KitFileHeader = Pick<Questionnaire, 'formatVersion' | 'id' | 'version' | 'languages' | 'title' | 'description' | 'poles'>;

export const SCALE_POINTS = 7;
export const SCALE_MIDPOINT = 4;
export const MIN_ITEMS_PER_DIMENSION = 3;
export const KNOWN_LANGUAGES = ['en', 'sv', 'da'] as const;

export const ID_PATTERN = {
  regex: /^[a-z][a-z0-9-]{0,63}$/,
  name: 'id',
  description: PATTERN_WORDS.id,
} as const;

export const LANGUAGE_PATTERN = {
  regex: /^[a-z]{2,3}$/,
  name: 'language-code',
  description: PATTERN_WORDS['language-code'],
} as const;

export const TEXT_LIMITS = { statement: 200, name: 80, text: 1000, source: 400, reflection: 250 } as const;

/** The questionnaire's own items of one dimension, in file order. */
export function itemsOf(questionnaire: Questionnaire, dimensionId: string): Item[] {
  return questionnaire.items.filter((item) => item.dimension === dimensionId);
}

/**
 * The poles one dimension runs between: for a profile (a questionnaire with `axes`), the
 * ends of the dimension's own axis, on which its score is read; otherwise the
 * questionnaire's poles. Every text that names where a dimension stands or moves takes
 * its poles from here.
 */
export function dimensionPoles(questionnaire: Pick<Questionnaire, 'poles' | 'axes' | 'dimensions'>, dimensionId: string): { from: LocalizedText; to: LocalizedText } {
  const axisId = questionnaire.dimensions.find((d) => d.id === dimensionId)?.axis;
  const axis = axisId === undefined ? undefined : questionnaire.axes?.find((a) => a.id === axisId);
  return axis ? { from: axis.from, to: axis.to } : { from: questionnaire.poles.from, to: questionnaire.poles.to };
}

/** Picks a text in the wanted language, falling back to English, which every file has. */
export function textIn(text: LocalizedText, language: string): string {
  return text[language] ?? text.en ?? '';
}

/** The language a questionnaire's texts are shown in for a person who reads `language`. */
export function contentLanguage(questionnaire: Pick<Questionnaire, 'languages'>, language: string): string {
  return questionnaire.languages.includes(language) ? language : 'en';
}

/**
 * How a questionnaire is asked. Format 2 brings instrument 2: every item can be answered
 * "does not apply to my unit", and "wanted" is asked per item, on the same statements
 * as "now", in a second pass. Format 1 keeps one "wanted" per dimension, so results of
 * one questionnaire version are never measured two ways.
 */
export function asksWantedPerItem(questionnaire: Pick<Questionnaire, 'formatVersion'>): boolean {
  return (questionnaire.formatVersion as number) >= 2;
}
