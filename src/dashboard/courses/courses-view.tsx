import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { shippedPacks } from 'shiftmeter:packs';
import type { CoursePack } from '../../core/pack/types';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import { CoursesModel } from '../../ui/courses/courses-model';
import { FileRefusal } from '../../ui/file-refusal';
import { useReadyMark } from '../../ui/ready';
import { PackView } from './pack-view';

/** Course packs: the shipped ones and those a teacher loaded, or one being worked through. */
export function CoursesView({ packId }: { packId: string | undefined }) {
  const app = useApp();
  const t = useT();
  const model = useModel(() => new CoursesModel(app.store));
  const [open, setOpen] = useState<CoursePack | null>(null);
  const loaded = model.loaded.value;
  const loadedPacks = loaded.kind === 'ready' ? loaded.packs : null;
  useEffect(() => {
    setOpen(null);
    if (!packId || loadedPacks === null) return;
    const own = loadedPacks.find((p) => p.id === packId);
    if (own) setOpen(own);
    else void shippedPacks.find((p) => p.id === packId)?.load().then(setOpen);
  }, [packId, loadedPacks]);
  useReadyMark(loaded.kind !== 'loading' && !packId);

  if (loaded.kind === 'failed') return <p class="notice notice-error" role="alert">{t('error.load', { detail: loaded.detail })}</p>;
  if (packId) return open ? <PackView key={open.id} pack={open} /> : <p role="status">{t('common.loading')}</p>;
  const language = app.i18n.language.value;
  const entries = [...shippedPacks, ...(loadedPacks ?? []).filter((p) => !shippedPacks.some((s) => s.id === p.id))];
  const outcome = model.lastFile.value;
  const message = outcome.kind === 'too-big' ? t('course.tooBig')
    : outcome.kind === 'unreadable' ? t('course.unreadable')
      : outcome.kind === 'not-saved' ? t('course.notSaved', { detail: outcome.detail }) : null;
  const refused = outcome.kind === 'refused' || message !== null;
  const status = outcome.kind === 'loaded' ? t('course.loaded', { title: textIn(outcome.pack.title, contentLanguage(outcome.pack, language)) }) : '';

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
              <a class="button button-primary" href={`#/courses/${entry.id}`} data-pack={entry.id}>
                {t('course.open')}<span class="visually-hidden" lang={lang}>: {textIn(entry.title, lang)}</span>
              </a>
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
          if (file) void model.loadFile(file);
        }} />
      </div>
      <div role="alert" class={refused ? 'notice notice-error' : 'notice-empty'}>
        {outcome.kind === 'refused' ? <FileRefusal expected="course-pack" found={outcome.found} problems={outcome.problems} testId="pack-problems" /> : null}
        {message ? <p>{message}</p> : null}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
