import { Type, type Static } from '../formats/type';
import { conforms } from '../formats/conforms';
import { KNOWN_LANGUAGES } from '../questionnaire/types';

/**
 * The organisation's settings as this browser last applied them, kept in extension
 * storage so the popup needs neither the browser's managed storage nor the validator:
 * the background and the dashboard read the policy, check it and write this
 * (ui/policy/policy-sync.ts). Never backed up: it comes from the policy.
 */
export const POLICY_SETTINGS_KEY = 'organisation-policy';

export const PolicySettingsFormat = Type.Object({
  schema: Type.Literal(1),
  defaultLanguage: Type.Optional(Type.Enum(KNOWN_LANGUAGES)),
  minimumGroupFloor: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  allowAddingQuestionnaires: Type.Boolean(),
});
export type PolicySettings = Static<typeof PolicySettingsFormat>;

/** No policy: nothing preset, and people may add questionnaires. */
export const NO_POLICY_SETTINGS: PolicySettings = { schema: 1, allowAddingQuestionnaires: true };

export function readPolicySettings(value: unknown): PolicySettings {
  return conforms(PolicySettingsFormat, value) ? (value as PolicySettings) : NO_POLICY_SETTINGS;
}
