import { ADDED_KEYS, addedKey, LIBRARY_LOCK } from '../../core/library/added-keys';
import { readAddedIndex, type AddedEntry, type AddedIndex } from '../../core/library/added-index';
import type { AddedRecord } from '../../core/library/added-record';
import { contentHash } from '../../core/library/content-hash';
import { entryOf } from '../../core/library/library';
import { POLICY_SETTINGS_KEY, type PolicySettings } from '../../core/policy/policy-settings';
import { policyProblem, readPolicy, type OrganisationPolicy } from '../../core/policy/read-policy';
import type { Problem } from '../../core/problems';
import { isReminder, KEYS, reminderKey, SCHEMA_VERSION, type Reminder } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import { sameJson } from '../../core/backup/restore-plan';

export interface PolicySync {
  policy: OrganisationPolicy;
  /** What the policy holds that Shiftmeter leaves out, each named by its place in the policy. */
  problems: Problem[];
  /** The added questionnaires' index as the sync left it, for the page's catalog. */
  index: AddedIndex;
}

/** What the sync needs to know of the questionnaires this Shiftmeter ships. */
export interface ShippedQuestionnaires {
  /** No policy questionnaire may take one of these ids. */
  shippedIds: ReadonlySet<string>;
  /** The questionnaires reminders may be for (a suggested one for another id is still set). */
  ids: readonly string[];
}

/**
 * Applies the organisation's policy (as managed storage holds it; null: none) to this
 * browser's storage: its questionnaires join the library as the organisation's (and
 * leave it when the policy drops them), its settings are kept for the popup, and its
 * suggested reminders are set where the person has chosen none. Writes only what
 * changed, under the library's lock. Run by the background when the browser starts or
 * the policy changes, and by the dashboard when it opens.
 */
export async function syncPolicy(store: KeyValueStore, shipped: ShippedQuestionnaires, raw: unknown, now: Date): Promise<PolicySync> {
  const { policy, problems } = readPolicy(raw);
  const wanted = await Promise.all(policy.questionnaires.map(async ({ questionnaire }, index) => ({ questionnaire, index, hash: await contentHash(questionnaire) })));
  const index = await store.exclusive(LIBRARY_LOCK, async () => {
    const first = await store.get([ADDED_KEYS.index, POLICY_SETTINGS_KEY, KEYS.schemaVersion]);
    const before = readAddedIndex(first[ADDED_KEYS.index]);
    // Data saved by a newer Shiftmeter is left exactly as it is (its pages say to update),
    // whichever page or event applies the policy: the background does on every start.
    const version = first[KEYS.schemaVersion];
    if (typeof version === 'number' && version > SCHEMA_VERSION) return before;
    // Suggested reminders may be for any questionnaire here: shipped, added or preinstalled.
    const reminderIds = new Set([...Object.keys(policy.reminderCadences), ...shipped.ids, ...before.entries.map((entry) => entry.id)]);
    const stored = { ...first, ...(await store.get([...reminderIds].map(reminderKey))) };
    const set: Record<string, unknown> = {};
    const remove: string[] = [];

    // Questionnaires: identity by content holds for the organisation's as for anyone's.
    let entries: AddedEntry[] = [...before.entries];
    const keep = new Set<string>();
    for (const { questionnaire, index: at, hash } of wanted) {
      const key = addedKey(questionnaire.id, questionnaire.version);
      const path = `preinstalledQuestionnaires[${at}]`;
      if (shipped.shippedIds.has(questionnaire.id)) {
        problems.push(policyProblem(path, 'policy-questionnaire-shipped-id', { id: JSON.stringify(questionnaire.id) }));
        continue;
      }
      const existing = entries.find((entry) => addedKey(entry.id, entry.version) === key);
      if (existing && existing.hash !== hash) {
        problems.push(policyProblem(path, 'policy-questionnaire-other-content', { id: JSON.stringify(questionnaire.id), version: questionnaire.version }));
        if (existing.origin === 'organisation') keep.add(key);
        continue;
      }
      keep.add(key);
      // The same questionnaire a person added themselves stays theirs (and removable); the policy adds nothing.
      if (existing) continue;
      const record: AddedRecord = { schema: 1, hash, addedAt: now.toISOString(), origin: 'organisation', questionnaire };
      set[key] = record;
      entries.push(entryOf(record, questionnaire));
    }
    // The organisation's questionnaires it no longer lists leave; their sittings stay, like a removed one's.
    const dropped = entries.filter((entry) => entry.origin === 'organisation' && !keep.has(addedKey(entry.id, entry.version)));
    if (dropped.length > 0) {
      remove.push(...dropped.map((entry) => addedKey(entry.id, entry.version)));
      entries = entries.filter((entry) => !dropped.includes(entry));
    }
    const nextIndex = { schema: 1 as const, entries };
    if (!sameJson(nextIndex, before)) set[ADDED_KEYS.index] = nextIndex;

    const settings: PolicySettings = {
      schema: 1,
      ...(policy.defaultLanguage ? { defaultLanguage: policy.defaultLanguage } : {}),
      ...(policy.minimumGroupFloor !== null ? { minimumGroupFloor: policy.minimumGroupFloor } : {}),
      allowAddingQuestionnaires: policy.allowAddingQuestionnaires,
    };
    if (!sameJson(settings, stored[POLICY_SETTINGS_KEY])) set[POLICY_SETTINGS_KEY] = settings;

    // Suggested reminders: set where the person has chosen none, changed or taken back while still only suggested.
    for (const id of reminderIds) {
      const current = stored[reminderKey(id)];
      const chosen = isReminder(current) && current.suggested !== true;
      if (chosen) continue;
      const cadence = policy.reminderCadences[id];
      if (cadence === undefined) {
        if (isReminder(current)) remove.push(reminderKey(id));
        continue;
      }
      if (isReminder(current) && current.cadence === cadence) continue;
      const reminder: Reminder = { schema: 1, questionnaireId: id, cadence, since: now.toISOString(), suggested: true };
      set[reminderKey(id)] = reminder;
    }

    // Records first, in one write; the organisation's dropped questionnaires only after the index no longer lists them.
    if (Object.keys(set).length > 0) await store.set(set);
    if (remove.length > 0) await store.remove(remove);
    return nextIndex;
  });
  return { policy, problems, index };
}
