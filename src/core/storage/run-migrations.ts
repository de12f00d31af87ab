import { planMigration, MIGRATIONS, type Migration, type MigrationPlan } from './migrations';
import { KEYS, SCHEMA_VERSION } from './records';
import type { KeyValueStore } from './store';

/**
 * Brings stored data to the current schema. The background runs it on install and
 * update; every page runs it again before its first read, in case the background
 * has not yet. The fast path reads one key, so opening the popup stays cheap.
 */
export async function ensureMigrated(store: KeyValueStore, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, target = SCHEMA_VERSION): Promise<MigrationPlan> {
  const quick = await store.get([KEYS.schemaVersion]);
  if (quick[KEYS.schemaVersion] === target) return { kind: 'current', version: target };
  return store.exclusive('migrate', async () => {
    const plan = planMigration(await store.getAll(), migrations, target);
    if (plan.kind === 'migrate') {
      // Write the new records and the version first; remove old keys only once those are safe.
      await store.set(plan.set);
      if (plan.remove.length > 0) await store.remove(plan.remove);
    }
    return plan;
  });
}
