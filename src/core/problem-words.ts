import type { ConstantReason, EntryNoun, PatternName, TypeName, ValueKind } from './problems';

/**
 * The English words that validators' messages are made of, beyond the message itself:
 * what a found value is, which type or pattern was expected, and why. The dashboard has
 * the same words in every language (`problem.*` in src/ui/i18n/*-dashboard.ts).
 */

/** A pattern in the words an author can act on, not as a regex. */
export const PATTERN_WORDS: Readonly<Record<PatternName, string>> = {
  'id': 'lower-case letters, digits and hyphens, starting with a letter, at most 64 characters',
  'language-code': 'a two- or three-letter language code such as "en"',
  'token': '1 to 64 letters, digits, "-" or "_"',
  'record-id': '1 to 64 letters, digits or hyphens',
};

export const REASON_WORDS: Readonly<Record<ConstantReason, string>> = {
  'format-version': 'the version of the file format, not of your questionnaire',
  'scale-points': 'Shiftmeter uses a 7-point scale',
};

const TYPE_WORDS: Readonly<Record<TypeName, string>> = {
  object: 'an object', array: 'an array', string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'null',
};

/** "a string or an object", from "string|object". */
export function typeWords(types: string): string {
  return types.split('|').map((type) => TYPE_WORDS[type as TypeName] ?? type).join(' or ');
}

/** A found value as "found …" names it: "the string "x"", "an array", "the number 2.5", "null". */
export function foundWords(kind: ValueKind, value: string): string {
  if (kind === 'string') return `the string ${value}`;
  if (kind === 'number') return `the number ${value}`;
  return actualWords(kind, value);
}

/** A found value as "is …" names it: ""x"", "an array", "2.5", "null". */
export function actualWords(kind: ValueKind, value: string): string {
  return kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : value;
}

export function nounWords(noun: EntryNoun, count: number): string {
  const [one, other] = noun === 'answer' ? ['answer', 'answers'] : noun === 'wanted-position' ? ['wanted position', 'wanted positions'] : ['entry', 'entries'];
  return `${count} ${count === 1 ? one : other}`;
}
