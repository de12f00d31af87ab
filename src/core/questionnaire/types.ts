import type { Static } from 'typebox';
import type { ReadonlyLists } from '../formats/annotations';
import type { QuestionnaireFormat } from './format';

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
  description: 'lower-case letters, digits and hyphens, starting with a letter, at most 64 characters',
};

export const LANGUAGE_PATTERN = {
  regex: /^[a-z]{2,3}$/,
  description: 'a two- or three-letter language code such as "en"',
};

export const TEXT_LIMITS = { statement: 200, name: 80, text: 1000, source: 400 } as const;

/** The questionnaire's own items of one dimension, in file order. */
export function itemsOf(questionnaire: Questionnaire, dimensionId: string): Item[] {
  return questionnaire.items.filter((item) => item.dimension === dimensionId);
}

/** Picks a text in the wanted language, falling back to English, which every file has. */
export function textIn(text: LocalizedText, language: string): string {
  return text[language] ?? text.en ?? '';
}

/** The language a questionnaire's texts are shown in for a person who reads `language`. */
export function contentLanguage(questionnaire: Pick<Questionnaire, 'languages'>, language: string): string {
  return questionnaire.languages.includes(language) ? language : 'en';
}
