import fc from 'fast-check';
/**
 * Damages parsed JSON in the ways an author (or a fuzzer) does: a field deleted, a
 * value of the wrong type, an unknown field, a number out of range, a blank or
 * over-long string, a wrong enum value, an entry duplicated, a value copied from
 * elsewhere in the file (which makes duplicate ids and dangling references).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = readonly (string | number)[];

export type Mutation =
  | { kind: 'delete' }
  | { kind: 'replace'; value: Json }
  | { kind: 'add-field'; key: string; value: Json }
  | { kind: 'duplicate-entry' }
  | { kind: 'repeat-string'; char: string; length: number }
  | { kind: 'copy-string'; from: number };

/** Every place in a value, the root (`[]`) first, in a stable order. */
export function pathsOf(value: Json, path: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [path];
  if (Array.isArray(value)) value.forEach((entry, i) => paths.push(...pathsOf(entry, [...path, i])));
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) paths.push(...pathsOf(value[key]!, [...path, key]));
  }
  return paths;
}

export function describePath(path: JsonPath): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('') || '(root)';
}

function getAt(root: Json, path: JsonPath): Json {
  let node = root;
  for (const key of path) node = (node as Record<string | number, Json>)[key]!;
  return node;
}

/** Sets a member as an own property, so that "__proto__" is a key like any other (as JSON.parse makes it). */
function setOwn(target: Json, key: string | number, value: Json): void {
  if (Array.isArray(target) && typeof key === 'number') target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies one mutation to `root` (in place) at `path`; returns the new root. */
export function mutate(root: Json, path: JsonPath, mutation: Mutation): Json {
  const replaceWith = (value: Json): Json => {
    if (path.length === 0) return value;
    setOwn(getAt(root, path.slice(0, -1)), path[path.length - 1]!, value);
    return root;
  };
  const node = getAt(root, path);
  switch (mutation.kind) {
    case 'delete': {
      if (path.length === 0) return root;
      const parent = getAt(root, path.slice(0, -1));
      const key = path[path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, Json>)[key];
      return root;
    }
    case 'replace':
      return replaceWith(structuredClone(mutation.value));
    case 'add-field':
      if (Array.isArray(node)) node.push(structuredClone(mutation.value));
      else if (node !== null && typeof node === 'object') setOwn(node, mutation.key, structuredClone(mutation.value));
      return root;
    case 'duplicate-entry':
      if (Array.isArray(node) && node.length > 0) node.push(structuredClone(node[0]!));
      return root;
    case 'repeat-string':
      return replaceWith(mutation.char.repeat(mutation.length));
    case 'copy-string': {
      const strings = pathsOf(root).map((p) => getAt(root, p)).filter((v): v is string => typeof v === 'string');
      return strings.length === 0 ? root : replaceWith(strings[mutation.from % strings.length]!);
    }
  }
}

/** Values of every JSON type, for `replace`; chosen to sit on and around the format's limits. */
export const REPLACEMENTS: readonly Json[] = [
  null, true, false, 0, -1, 1, 1.5, 2, 3, 6, 7, 8, 10, 20, 21, 64, 400, 401, 1_000_000, 1_000_001, 1e300,
  '', ' ', '\t\n', '\u00a0', '\u200b', 'x', 'en', 'EN', 'fi', 'from', 'to', 'From', 'left', 'questionnaire',
  'Questionnaire', './schema.json', 'value', 'dim-1', 'dim-1-1', 'A-b', '1abc', '__proto__', 'a b',
  [], [null], ['en'], ['en', 'sv'], ['en', 'sv', 'da', 'fi'], ['sv', 'da'], ['en', 'en'], [1, 2],
  {}, { en: 'x' }, { en: 'x', sv: 'y', da: 'z' }, { en: '' }, { points: 7 }, { from: { en: 'a' }, to: { en: 'b' } },
];

export const FIELD_NAMES: readonly string[] = ['__proto__', 'constructor', 'toString', 'fi', 'de', 'EN', 'english', '$schema', 'extra', 'id', '', 'a b', 'kind'];

/** Lengths on both sides of each limit: ids 64, names 80, statements 200, sources 400, texts 1,000. */
export const STRING_LENGTHS: readonly number[] = [1, 2, 3, 4, 64, 65, 80, 81, 200, 201, 400, 401, 1000, 1001];
/** "😀" is one character but two UTF-16 units: JSON Schema counts characters. */
export const STRING_CHARS: readonly string[] = ['a', 'å', '😀', ' ', '-'];

/** Every single mutation of each kind, for a sweep over every place of a small file. */
export function singleMutations(chars: readonly string[] = ['a', '😀', ' ']): Mutation[] {
  return [
    { kind: 'delete' },
    ...REPLACEMENTS.map((value): Mutation => ({ kind: 'replace', value })),
    ...FIELD_NAMES.map((key): Mutation => ({ kind: 'add-field', key, value: 'x' })),
    { kind: 'duplicate-entry' },
    ...STRING_LENGTHS.flatMap((length) => chars.map((char): Mutation => ({ kind: 'repeat-string', char, length }))),
  ];
}

/** A random mutation of any kind, for series of mutations (fast-check). */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.constantFrom(...REPLACEMENTS).map((value): Mutation => ({ kind: 'replace', value })),
  fc.jsonValue({ maxDepth: 2 }).map((value): Mutation => ({ kind: 'replace', value: value as Json })),
  fc.record({ key: fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 6 })), value: fc.constantFrom(...REPLACEMENTS) })
    .map(({ key, value }): Mutation => ({ kind: 'add-field', key, value })),
  fc.constant<Mutation>({ kind: 'duplicate-entry' }),
  fc.record({ char: fc.constantFrom(...STRING_CHARS), length: fc.constantFrom(...STRING_LENGTHS) })
    .map(({ char, length }): Mutation => ({ kind: 'repeat-string', char, length })),
  fc.nat().map((from): Mutation => ({ kind: 'copy-string', from })),
);
