import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { POLICY_LIMITS } from '../../src/core/policy/format';
import { MANAGED_SCHEMA_PATH } from '../../src/core/policy/managed-schema';
import { readPolicy } from '../../src/core/policy/read-policy';
import { formatBytes } from '../../src/core/safe-json';

// docs/deploying.md shows admins the same policy for each browser and platform. Every
// sample marked `<!-- policy-sample -->` is read here as that browser would read it and
// must give a policy Shiftmeter takes without a single problem.
const doc = readFileSync('docs/deploying.md', 'utf8');
const samples = [...doc.matchAll(/<!-- policy-sample -->\n```(\w+)\n([\s\S]*?)\n```/g)].map(([, language, text]) => ({ language: language!, text: text! }));
const managedSchema = JSON.parse(readFileSync(MANAGED_SCHEMA_PATH, 'utf8')) as Schema;
const geckoId = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;

type Schema = { type: string; properties?: Record<string, Schema>; additionalProperties?: Schema; items?: Schema };

/** The one entry of an object whose key is an extension's id. */
function only(record: unknown): unknown {
  const entries = Object.entries(record as Record<string, unknown>);
  expect(entries).toHaveLength(1);
  return entries[0]![1];
}

/** A Linux policy file of Chrome (`3rdparty` → `extensions`) or Firefox's policies.json (`policies` → `3rdparty` → `Extensions`). */
function fromJson(text: string): { browser: 'chrome' | 'firefox'; policy: unknown } {
  const file = JSON.parse(text) as Record<string, Record<string, Record<string, unknown>>>;
  if (file.policies) {
    const extensions = file.policies['3rdparty']!.Extensions as Record<string, unknown>;
    expect(Object.keys(extensions)).toEqual([geckoId]);
    return { browser: 'firefox', policy: only(extensions) };
  }
  return { browser: 'chrome', policy: only(file['3rdparty']!.extensions) };
}

/** A .reg file as Chrome reads it under `…\3rdparty\extensions\<id>\policy` (registry_dict.cc: lists from numbered values, DWORDs for integers and booleans). */
function fromReg(text: string): unknown {
  const keys = new Map<string, Map<string, string | number>>();
  let current: Map<string, string | number> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) keys.set(section[1]!, (current = new Map()));
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (value) current!.set(unescape(value[1]!), value[3] !== undefined ? Number.parseInt(value[3], 16) : unescape(value[2]!));
  }
  const root = [...keys.keys()].find((key) => /\\3rdparty\\extensions\\[^\\]+\\policy$/.test(key))!;
  expect(root).toBeDefined();
  const convert = (value: string | number, schema: Schema | undefined): unknown => {
    if (schema?.type === 'boolean' && typeof value === 'number') return value !== 0;
    if (schema?.type === 'integer' && typeof value === 'string') return Number.parseInt(value, 10);
    return value;
  };
  const policy: Record<string, unknown> = {};
  for (const [name, value] of keys.get(root)!) policy[name] = convert(value, managedSchema.properties![name]);
  for (const [key, values] of keys) {
    if (!key.startsWith(`${root}\\`)) continue;
    const name = key.slice(root.length + 1);
    const schema = managedSchema.properties![name];
    if (schema?.type === 'array') {
      // Chrome's registry map orders names as text, case-insensitively: "1", "10", "2".
      const names = [...values.keys()].filter((entry) => /^\d+$/.test(entry)).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
      policy[name] = names.map((entry) => convert(values.get(entry)!, schema.items));
    } else {
      policy[name] = Object.fromEntries([...values].map(([entry, value]) => [entry, convert(value, schema?.additionalProperties)]));
    }
  }
  return policy;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** A configuration profile: the `Forced` managed preferences of the `….extensions.<id>` domain. */
function fromMobileconfig(text: string): unknown {
  const tokens = [...text.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '').matchAll(/<(\/?)(\w+)[^>]*?(\/?)>|([^<]+)/g)];
  let at = 0;
  const entity = (raw: string) => raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const textUntil = (tag: string) => {
    let out = '';
    while (!(tokens[at]![1] === '/' && tokens[at]![2] === tag)) out += tokens[at++]![4] ?? '';
    at++;
    return entity(out);
  };
  const skipSpace = () => {
    while (tokens[at] && tokens[at]![4] !== undefined && tokens[at]![4]!.trim() === '') at++;
  };
  const value = (): unknown => {
    skipSpace();
    const [, , tag, selfClosing] = tokens[at++]!;
    if (selfClosing) return tag === 'true' ? true : tag === 'false' ? false : null;
    if (tag === 'plist') {
      const inner = value();
      skipSpace();
      at++;
      return inner;
    }
    if (tag === 'string' || tag === 'key') return textUntil(tag);
    if (tag === 'integer') return Number.parseInt(textUntil(tag), 10);
    const items: unknown[] = [];
    for (skipSpace(); !(tokens[at]![1] === '/' && tokens[at]![2] === tag); skipSpace()) items.push(value());
    at++;
    if (tag === 'array') return items;
    expect(tag).toBe('dict');
    return Object.fromEntries(Array.from({ length: items.length / 2 }, (_, i) => [items[2 * i] as string, items[2 * i + 1]]));
  };
  const profile = value() as { PayloadContent: { PayloadContent: Record<string, unknown> }[] };
  const domains = profile.PayloadContent[0]!.PayloadContent;
  expect(Object.keys(domains)).toHaveLength(1);
  expect(Object.keys(domains)[0]).toMatch(/^com\.google\.Chrome\.extensions\./);
  return (only(domains) as { Forced: { mcx_preference_settings: unknown }[] }).Forced[0]!.mcx_preference_settings;
}

describe('the sample policies in docs/deploying.md', () => {
  const valid = new Ajv({ strict: false }).compile(managedSchema);

  it('are there for Linux, Windows, macOS and Firefox', () => {
    expect(samples.map((sample) => sample.language)).toEqual(['json', 'reg', 'xml', 'json']);
  });

  const read = samples.map((sample) => {
    if (sample.language === 'reg') return { name: 'the Windows .reg file', browser: 'chrome', policy: fromReg(sample.text) };
    if (sample.language === 'xml') return { name: 'the macOS configuration profile', browser: 'chrome', policy: fromMobileconfig(sample.text) };
    const { browser, policy } = fromJson(sample.text);
    return { name: browser === 'firefox' ? 'Firefox\'s policies.json' : 'the Linux policy file', browser, policy };
  });

  it.each(read)('$name gives a policy Shiftmeter takes without a problem, and Chrome\'s schema accepts', ({ policy }) => {
    const { policy: read, problems } = readPolicy(policy);
    expect(problems).toEqual([]);
    expect(read.questionnaires.map((entry) => entry.questionnaire.id)).toEqual(['our-service-check']);
    expect(read).toMatchObject({ defaultLanguage: 'sv', minimumGroupFloor: 5, allowAddingQuestionnaires: false });
    expect({ ...read.reminderCadences }).toEqual({ 'our-service-check': 'quarterly', 'production-service': 'half-yearly' });
    expect(valid(policy), JSON.stringify(valid.errors)).toBe(true);
  });

  it('all set the very same policy', () => {
    for (const { policy } of read) expect(policy).toEqual(read[0]!.policy);
  });

  it('state the limits readPolicy enforces', () => {
    expect(doc).toContain(`| Preinstalled questionnaires | ${POLICY_LIMITS.questionnaires} |`);
    expect(doc).toContain(`| One questionnaire's text | ${formatBytes(POLICY_LIMITS.questionnaireBytes)} (bytes of UTF-8) |`);
    expect(doc).toContain(`| All preinstalled questionnaires' texts together | ${formatBytes(POLICY_LIMITS.totalQuestionnaireBytes)} |`);
    expect(doc).toContain(`| Entries of \`reminderCadences\` | ${POLICY_LIMITS.reminderCadences} |`);
    expect(doc).toContain(`whole number from ${POLICY_LIMITS.minimumGroupFloor.min} to ${POLICY_LIMITS.minimumGroupFloor.max}`);
  });
});
