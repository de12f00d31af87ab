import { signal, type Signal } from '@preact/signals';
import { DEFAULT_SETTINGS, KEYS, readSettings, SCHEMA_VERSION, type Settings, type Theme } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { RoundVault } from '../core/round/round-vault';
import type { Catalog } from './catalog';
import { ADDED_KEYS, addedCatalogEntries } from './library/added-entries';
import { NO_POLICY_SETTINGS, POLICY_SETTINGS_KEY, readPolicySettings, type PolicySettings } from '../core/policy/policy-settings';
import type { Problem } from '../core/problems';
import type { PolicySync, ShippedQuestionnaires } from './policy/policy-sync';
import { resolveLanguage, type UiLanguage } from './i18n/languages';
import { createTranslator, type ExtraMessages, type Translator } from './i18n/translator';
import { describeStorageError } from './storage-errors';

export interface AppDependencies {
  store: KeyValueStore;
  catalog: Catalog;
  browserLanguages: () => readonly string[];
  /** The page's own texts beyond the popup's (the dashboard passes its own). */
  extraMessages?: ExtraMessages;
  now?: () => Date;
  newId?: () => string;
  /** Where team rounds' private keys and protective states are kept (the dashboard has one; the popup needs none). */
  roundVault?: RoundVault;
  /**
   * Reads the organisation's policy from the browser's managed storage and applies it
   * to storage (policy-sync.ts). The dashboard does so on every opening; the popup uses
   * what was applied last, and so carries neither the policy reader nor the validator.
   */
  applyPolicy?: (shipped: ShippedQuestionnaires) => Promise<PolicySync>;
}

/** The keys a page reads before its first render, for the questionnaires the catalog has. */
export type PrefetchKeys = readonly string[] | ((catalog: Catalog) => readonly string[]);

/** What every page reads at its start, before its own keys (the bench's floor page reads the same). */
export const START_KEYS: readonly string[] = [KEYS.schemaVersion, KEYS.settings, ADDED_KEYS.index, POLICY_SETTINGS_KEY];

/** State every page shares: settings, language and the one fatal error a page can show. */
export interface AppModel {
  store: KeyValueStore;
  catalog: Catalog;
  i18n: Translator;
  settings: Signal<Settings>;
  /** A message that replaces the page, e.g. data from a newer version. */
  blockingError: Signal<string | null>;
  /** What the current view is, for the window's title ("History – Shiftmeter"); null for the page alone. */
  pageTitle: Signal<string | null>;
  now: () => Date;
  newId: () => string;
  roundVault: RoundVault | null;
  /**
   * Migrates if needed and reads the settings and the added questionnaires' index
   * together with the page's keys in one storage call, so a page's first render needs
   * no second round trip; returns those keys' values. The keys are asked of the catalog
   * of shipped questionnaires first; those of added ones, when there are any, in one
   * more read.
   */
  start(prefetchKeys?: PrefetchKeys): Promise<Record<string, unknown>>;
  chooseLanguage(language: UiLanguage | null): Promise<void>;
  chooseTheme(theme: Theme): Promise<void>;
  /** Why the last language or theme choice could not be stored (it still applies on this page); null when it was. */
  settingsNotSaved: Signal<string | null>;
  /** The organisation's settings as last applied in this browser (none: NO_POLICY_SETTINGS). */
  policy: Signal<PolicySettings>;
  /** What the organisation's policy holds that Shiftmeter leaves out, once this page has applied it; empty otherwise. */
  policyProblems: Signal<readonly Problem[]>;
  /** Why the policy could not be applied on this page (storage full, say); null when it was, or when there is none to apply. */
  policyNotApplied: Signal<string | null>;
}

export function createAppModel(deps: AppDependencies): AppModel {
  const i18n = createTranslator(deps.extraMessages);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const blockingError = signal<string | null>(null);

  async function applyLanguage(): Promise<void> {
    // The person's choice, else the organisation's default, else the browser's.
    await i18n.setLanguage(resolveLanguage(settings.value.language ?? policy.value.defaultLanguage ?? null, deps.browserLanguages()));
  }

  const settingsNotSaved = signal<string | null>(null);
  const policy = signal<PolicySettings>(NO_POLICY_SETTINGS);
  const policyProblems = signal<readonly Problem[]>([]);
  const policyNotApplied = signal<string | null>(null);

  /** Applies the organisation's policy to storage (the dashboard, on every opening), and shows what it left out. */
  async function applyPolicy(apply: NonNullable<AppDependencies['applyPolicy']>): Promise<void> {
    try {
      const synced = await apply({ shippedIds: deps.catalog.shippedIds, ids: deps.catalog.entries.map((entry) => entry.id) });
      deps.catalog.setExtra(addedCatalogEntries(synced.index, deps.store));
      policyProblems.value = synced.problems;
      policyNotApplied.value = null;
    } catch (error) {
      policyNotApplied.value = describeStorageError(error);
    }
  }

  /**
   * The choice applies on this page at once; storing it may fail (storage full), and then
   * the page says so rather than dropping the failure: other pages keep the stored choice.
   */
  async function saveSettings(next: Settings): Promise<void> {
    settings.value = next;
    try {
      await deps.store.set({ [KEYS.settings]: next });
      settingsNotSaved.value = null;
    } catch (error) {
      settingsNotSaved.value = describeStorageError(error);
    }
  }

  const model: AppModel = {
    store: deps.store,
    catalog: deps.catalog,
    i18n,
    settings,
    blockingError,
    pageTitle: signal<string | null>(null),
    settingsNotSaved,
    policy,
    policyProblems,
    policyNotApplied,
    now: deps.now ?? (() => new Date()),
    newId: deps.newId ?? (() => crypto.randomUUID()),
    roundVault: deps.roundVault ?? null,
    async start(prefetchKeys = []) {
      const pageKeys = () => (typeof prefetchKeys === 'function' ? prefetchKeys(deps.catalog) : prefetchKeys);
      const keys = [...START_KEYS, ...pageKeys()];
      let stored: Record<string, unknown> = {};
      try {
        stored = await deps.store.get(keys);
        if (stored[KEYS.schemaVersion] !== SCHEMA_VERSION) {
          // Loaded only when the stored data needs it: the popup's first view does not carry the migrations.
          const { ensureMigrated } = await import('../core/storage/run-migrations');
          const plan = await ensureMigrated(deps.store);
          if (plan.kind === 'newer') {
            blockingError.value = i18n.t.value('error.newerData', { stored: plan.stored, known: plan.known });
          }
          stored = await deps.store.get(keys);
        }
        settings.value = readSettings(stored[KEYS.settings]);
        policy.value = readPolicySettings(stored[POLICY_SETTINGS_KEY]);
        deps.catalog.setExtra(addedCatalogEntries(stored[ADDED_KEYS.index], deps.store));
        const more = pageKeys().filter((key) => !keys.includes(key));
        if (more.length > 0) stored = { ...stored, ...(await deps.store.get(more)) };
      } catch (error) {
        blockingError.value = i18n.t.value('error.load', { detail: describeStorageError(error) });
      }
      await applyLanguage();
      // Another page changing the language or theme applies here too.
      deps.store.onChanged((keys) => {
        // A questionnaire added or removed on another page shows here too.
        if (keys.includes(ADDED_KEYS.index)) {
          void deps.store.get([ADDED_KEYS.index]).then((read) => deps.catalog.setExtra(addedCatalogEntries(read[ADDED_KEYS.index], deps.store)));
        }
        if (keys.includes(POLICY_SETTINGS_KEY)) {
          void deps.store.get([POLICY_SETTINGS_KEY]).then((read) => {
            policy.value = readPolicySettings(read[POLICY_SETTINGS_KEY]);
            void applyLanguage();
          });
        }
        if (!keys.includes(KEYS.settings)) return;
        void deps.store.get([KEYS.settings]).then((stored) => {
          settings.value = readSettings(stored[KEYS.settings]);
          void applyLanguage();
        });
      });
      // Not awaited: the page renders with the policy applied last, and follows when this changes it.
      // Never over data from a newer Shiftmeter, which this version must not write into.
      if (deps.applyPolicy && blockingError.value === null) void applyPolicy(deps.applyPolicy);
      return stored;
    },
    async chooseLanguage(language) {
      await saveSettings({ ...settings.value, language });
      await applyLanguage();
    },
    async chooseTheme(theme) {
      await saveSettings({ ...settings.value, theme });
    },
  };
  return model;
}
