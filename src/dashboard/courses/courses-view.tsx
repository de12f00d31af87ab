import { failureWords } from '../failure-words';
import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { shippedPacks } from 'shiftmeter:packs';
import type { CoursePack } from '../../core/pack/types';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import { CoursesModel } from '../../ui/courses/courses-model';
import { FileRefusal } from '../../ui/file-refusal';
import { useReadyMark } from '../../ui/ready';
import { adoptStylesheet } from '../../ui/styles/adopt-stylesheet';
import coursesCss from './courses.css';
import summaryCss from './summary-document.css';
import { PackPage } from './pack-page';

let styled = false;

/**
 * Course packs: the shipped ones and those a teacher loaded, or one being worked
 * through (`#/courses/<pack>`), with its summary at `#/courses/<pack>/summary`.
 */
export function CoursesView({ packId, section }: { packId: string | undefined; section?: string | undefined }) {
  const app = useApp();
  const t = useT();
  const model = useModel(() => new CoursesModel(app.store));
  const [open, setOpen] = useState<CoursePack | 'missing' | null>(null);
  const loaded = model.loaded.value;
  const loadedPacks = loaded.kind === 'ready' ? loaded.packs : null;
  // The courses' own rules, after the page's stylesheet so that they win where both speak.
  if (!styled) {
    styled = true;
    adoptStylesheet(summaryCss);
    adoptStylesheet(coursesCss);
  }
  useEffect(() => {
    setOpen(null);
    if (!packId || loadedPacks === null) return;
    const own = loadedPacks.find((p) => p.id === packId);
    const shipped = shippedPacks.find((p) => p.id === packId);
    if (own) setOpen(own);
    else if (shipped) void shipped.load().then(setOpen, () => setOpen('missing'));
    else setOpen('missing');
  }, [packId, loadedPacks]);
  useReadyMark(loaded.kind !== 'loading' && (!packId || open === 'missing'));

  if (loaded.kind === 'failed') return <p class="notice notice-error" role="alert">{t('error.load', { detail: loaded.detail })}</p>;
  if (packId && open === 'missing') {
    return (
      <section aria-labelledby="courses-heading">
        <h1 id="courses-heading" tabIndex={-1}>{t('course.heading')}</h1>
        <p class="notice notice-error" role="alert">{t('course.packMissing')}</p>
        <p><a href="#/courses">{t('course.all')}</a></p>
      </section>
    );
  }
  if (packId) return open && open !== 'missing' ? <PackPage key={open.id} pack={open} section={section} /> : <p role="status">{t('common.loading')}</p>;
  const language = app.i18n.language.value;
  const entries = [...shippedPacks, ...(loadedPacks ?? []).filter((p) => !shippedPacks.some((s) => s.id === p.id))];
  const outcome = model.lastFile.value;
  const message = outcome.kind === 'too-big' ? t('course.tooBig')
    : outcome.kind === 'unreadable' ? t('course.unreadable')
      : outcome.kind === 'not-saved' ? t('course.notSaved', { detail: failureWords(t, outcome) }) : null;
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
        <input id="pack-file" type="file" accept=".json,application/json" aria-invalid={refused || undefined} aria-describedby={refused ? 'pack-file-problem' : undefined} onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          // Emptied once read, so the same file, fixed in an editor, can be chosen again.
          input.value = '';
          if (file) void model.loadFile(file);
        }} />
      </div>
      <div role="alert" id="pack-file-problem" class={refused ? 'notice notice-error' : 'notice-empty'}>
        {outcome.kind === 'refused' ? <FileRefusal expected="course-pack" found={outcome.found} problems={outcome.problems} testId="pack-problems" /> : null}
        {message ? <p>{message}</p> : null}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
