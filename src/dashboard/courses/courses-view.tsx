import { useEffect, useState } from 'preact/hooks';
import { shippedPacks } from 'shiftmeter:packs';
import { loadedPackKey, PACK_KEYS } from '../../core/pack/pack-records';
import type { CoursePack } from '../../core/pack/types';
import { validateCoursePack } from '../../core/pack/validate-pack';
import { describeProblem } from '../../core/problems';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import { parseJsonSafely } from '../../core/safe-json';
import { useApp, useT } from '../../ui/app-context';
import { useReadyMark } from '../../ui/ready';
import { PackView } from './pack-view';

/** Course packs: the shipped ones and those a teacher loaded, or one being worked through. */
export function CoursesView({ packId }: { packId: string | undefined }) {
  const app = useApp();
  const t = useT();
  const [loadedPacks, setLoadedPacks] = useState<CoursePack[] | null>(null);
  const [open, setOpen] = useState<CoursePack | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  async function readLoaded() {
    const all = await app.store.getAll();
    const packs: CoursePack[] = [];
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(PACK_KEYS.pack)) continue;
      const checked = validateCoursePack(value);
      if (checked.ok && key === loadedPackKey(checked.value.id)) packs.push(checked.value);
    }
    setLoadedPacks(packs);
  }
  useEffect(() => void readLoaded(), []);
  useEffect(() => {
    setOpen(null);
    if (!packId || loadedPacks === null) return;
    const own = loadedPacks.find((p) => p.id === packId);
    if (own) setOpen(own);
    else void shippedPacks.find((p) => p.id === packId)?.load().then(setOpen);
  }, [packId, loadedPacks]);
  useReadyMark(loadedPacks !== null && !packId);

  if (packId) return open ? <PackView key={open.id} pack={open} /> : <p role="status">{t('common.loading')}</p>;
  const language = app.i18n.language.value;
  const entries = [...shippedPacks, ...(loadedPacks ?? []).filter((p) => !shippedPacks.some((s) => s.id === p.id))];

  async function loadFile(file: File) {
    setProblems([]);
    setStatus('');
    if (file.size > 1_000_000) return setProblems([t('course.tooBig')]);
    const parsed = parseJsonSafely(await file.text());
    const checked = parsed.ok ? validateCoursePack(parsed.value) : parsed;
    if (!checked.ok) return setProblems(checked.problems.map(describeProblem));
    await app.store.set({ [loadedPackKey(checked.value.id)]: checked.value });
    setStatus(t('course.loaded', { title: textIn(checked.value.title, contentLanguage(checked.value, language)) }));
    await readLoaded();
  }

  return (
    <section aria-labelledby="courses-heading">
      <h1 id="courses-heading" tabIndex={-1}>{t('course.heading')}</h1>
      <p>{t('course.intro')}</p>
      <ul class="questionnaire-list">
        {entries.map((entry) => {
          const lang = contentLanguage(entry, language);
          return (
            <li key={entry.id} class="questionnaire-card">
              <h2 lang={lang}>{textIn(entry.title, lang)}</h2>
              <p lang={lang}>{textIn(entry.description, lang)}</p>
              <a class="button button-primary" href={`#/courses/${entry.id}`} data-pack={entry.id}>{t('course.open')}</a>
            </li>
          );
        })}
      </ul>
      <h2>{t('course.teacher')}</h2>
      <p class="hint">{t('course.teacherHint')}</p>
      <div class="field">
        <label for="pack-file">{t('course.loadFile')}</label>
        <input id="pack-file" type="file" accept=".json,application/json" onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void loadFile(file);
        }} />
      </div>
      <div role="alert" class={problems.length ? 'notice notice-error' : 'notice-empty'}>
        {problems.length ? <><p>{t('course.refused')}</p><ul data-testid="pack-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul></> : null}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
