import { Type, type Static } from '../formats/type';
import { Id } from '../formats/common';
import { KNOWN_LANGUAGES } from '../questionnaire/types';
import { LOWEST_MIN_GROUP } from '../round/disclosure';
import { CADENCES } from '../storage/record-formats';

/**
 * The organisation's policy: what an IT department presets for everyone through the
 * browser's managed storage (Chrome, Edge and Chromium read it from the operating
 * system's policy store, validated against managed-schema.json; Firefox from
 * policies.json, "3rdparty"). Defined once: the type of a policy as written, the checks
 * `readPolicy` applies (Firefox checks nothing), and managed-schema.json, the part of
 * it Chrome can check (`npm run schemas`). docs/deploying.md explains it to the admins
 * who write one, so every description here is addressed to them.
 */

/** The limits of a policy, named in docs/deploying.md and in the problems that enforce them. */
export const POLICY_LIMITS = {
  /** Questionnaires a policy may preinstall; the rest are ignored. */
  questionnaires: 50,
  /** The text of one questionnaire, in bytes of UTF-8: safe-json's limit for it. */
  questionnaireBytes: 512_000,
  /** The texts of all of a policy's questionnaires together. */
  totalQuestionnaireBytes: 4_000_000,
  /** Entries of `reminderCadences`: more than there can be questionnaires in one browser. */
  reminderCadences: 300,
  /** `minimumGroupFloor`: never below the product's own minimum; above 50, few teams could ever see a figure. */
  minimumGroupFloor: { min: LOWEST_MIN_GROUP, max: 50 },
} as const;

export const PolicyFormat = Type.Object({
  preinstalledQuestionnaires: Type.Optional(Type.Array(Type.String({
    title: 'Questionnaire file',
    description: 'The whole text of one Shiftmeter questionnaire file (JSON, see docs/questionnaire-format.md), as one string.',
    minLength: 1,
  }), {
    title: 'Preinstalled questionnaires',
    description: `Questionnaires everyone has without adding them, listed as provided by your organisation; people cannot remove them. Each entry is the whole text of one questionnaire file as one string. At most ${POLICY_LIMITS.questionnaires} entries, each at most 512 KB, all together at most 4 MB. An entry that is not a valid questionnaire is left out, and the dashboard says which. To update a questionnaire, add a new version (same "id", higher "version"); never change the content of an id and version once published.`,
    maxItems: POLICY_LIMITS.questionnaires,
  })),
  defaultLanguage: Type.Optional(Type.Enum(KNOWN_LANGUAGES, {
    title: 'Default language',
    description: 'The language of the interface until a person chooses one: "en" (English), "sv" (Swedish) or "da" (Danish). People can still choose another.',
  })),
  reminderCadences: Type.Optional(Type.Unsafe<Readonly<Record<string, Cadence>>>({
    type: 'object',
    title: 'Suggested reminders',
    description: `Questionnaire id → how often to remind people to take it: "monthly", "quarterly", "half-yearly" or "off". Applied for a person who has chosen no reminder for that questionnaire; they can change it. At most ${POLICY_LIMITS.reminderCadences} entries.`,
    propertyNames: Id,
    additionalProperties: Type.Enum(CADENCES, { title: 'Reminder', description: 'How often: "monthly", "quarterly", "half-yearly" or "off".' }),
  })),
  minimumGroupFloor: Type.Optional(Type.Integer({
    title: 'Lowest minimum group size',
    description: `The smallest minimum group size a team round may be started with: no figure of a round is shown until at least that many have answered. A whole number from ${POLICY_LIMITS.minimumGroupFloor.min} (Shiftmeter's own lowest) to ${POLICY_LIMITS.minimumGroupFloor.max}.`,
    minimum: POLICY_LIMITS.minimumGroupFloor.min,
    maximum: POLICY_LIMITS.minimumGroupFloor.max,
  })),
  allowAddingQuestionnaires: Type.Optional(Type.Boolean({
    title: 'Allow adding questionnaires',
    description: 'false: people cannot add questionnaires of their own from files; the shipped and the preinstalled ones stay. Default true.',
  })),
}, { additionalProperties: false });

export const POLICY_SCHEMA_HEADER = {
  title: 'Shiftmeter organisation policy',
  description: 'Settings an organisation presets for everyone who uses Shiftmeter in its browsers. Every setting is optional. See docs/deploying.md.',
};

export type Cadence = (typeof CADENCES)[number];
export type PolicyLanguage = (typeof KNOWN_LANGUAGES)[number];
/** A policy as an admin writes it (every setting optional). */
export type PolicyFile = Static<typeof PolicyFormat>;
export type PolicySetting = keyof PolicyFile;

/** The settings' names, in the order the definition gives them. */
export const POLICY_SETTINGS = Object.keys(PolicyFormat.properties) as PolicySetting[];
