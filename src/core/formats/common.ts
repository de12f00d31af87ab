import { Type } from './type';
import { ID_PATTERN, LANGUAGE_PATTERN } from '../questionnaire/types';
import { shared, withHint } from './annotations';
import { ISO_DATE_PATTERN } from './iso-date';

/** The ids of files, dimensions, items and exercises: safe in keys, paths and codes. */
export const Id = shared('id', withHint(Type.String({
  title: 'Id',
  description: 'Lower-case letters, digits and hyphens, starting with a letter, at most 64 characters.',
  pattern: ID_PATTERN.regex.source,
  maxLength: 64,
}), { pattern: ID_PATTERN.name }));

export const LanguageCode = shared('languageCode', withHint(Type.String({
  title: 'Language code',
  description: 'A two- or three-letter lower-case language code such as "en".',
  pattern: LANGUAGE_PATTERN.regex.source,
  maxLength: 3,
}), { pattern: LANGUAGE_PATTERN.name }));

/** The list of languages a file's texts are given in: each once, English among them. */
export const Languages = withHint(Type.Array(LanguageCode, {
  title: 'Languages',
  description: 'The languages every text is given in, each once; "en" is required. Shiftmeter ships "en", "sv" and "da".',
  minItems: 1,
  maxItems: 20,
  uniqueItems: true,
  contains: { const: 'en' },
  examples: [['en', 'sv', 'da']],
}), { rule: 'languages' });

/** `$schema`: where an editor finds the schema; the file's content ignores it. */
export const SchemaReference = Type.String({
  title: 'Schema',
  description: 'Where your editor finds this schema, for completion and checking as you type. Ignored by Shiftmeter.',
  minLength: 1,
  maxLength: 1000,
  pattern: '\\S',
});

/** A time as the program writes it (`toISOString()`); the rule also refuses impossible dates. */
export const IsoDate = shared('isoDate', withHint(Type.String({
  title: 'Date and time',
  description: 'A time in UTC as JavaScript writes it, e.g. "2026-12-02T09:30:00.000Z".',
  pattern: ISO_DATE_PATTERN.source,
}), { rule: 'iso-date' }));

/** Id → position on the 7-point scale (1 at the left statement, or at the "from" pole). */
export const PositionMap = shared('positions', Type.Unsafe<Record<string, number>>({
  title: 'Positions',
  description: 'Id → position on the 7-point scale, a whole number from 1 to 7.',
  type: 'object',
  propertyNames: Id,
  additionalProperties: { type: 'integer', minimum: 1, maximum: 7 },
}));
