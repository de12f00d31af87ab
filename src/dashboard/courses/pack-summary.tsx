import { useMemo, useRef, useState } from 'preact/hooks';
import { packSummary, selfAssessmentSummary } from '../../core/pack/pack-summary';
import type { CoursePack } from '../../core/pack/types';
import { contentLanguage } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import type { PackModel } from '../../ui/courses/pack-model';
import { summaryFile } from '../../ui/courses/summary-file';
import { dateStamp, downloadText } from '../../ui/download';
import { usePageTitle } from '../../ui/page-title';
import { useReadyMark } from '../../ui/ready';
import summaryCss from './summary-document.css';
import { SummaryDocument } from './summary-document';

/**
 * What the student hands in, on a page of its own: the summary document, with the
 * choice to put their name on it, and to print it or save it as a file. Printing
 * prints the document alone; the file holds the same document.
 */
export function PackSummaryView({ model, pack, lang }: { model: PackModel; pack: CoursePack; lang: string }) {
  const app = useApp();
  const t = useT();
  useReadyMark(true);
  const documentRef = useRef<HTMLElement>(null);
  const state = model.selfAssessment.value;
  const language = app.i18n.language.value;
  const includeName = model.includeName.value;
  const madeAt = useMemo(() => app.now().toISOString(), []);
  const content = packSummary({
    // As the student saw it: statements and options in this browser's order, numbered so.
    pack: model.shown.value,
    language: lang,
    madeAt,
    answers: model.answers.value,
    notes: model.notes.value,
    name: { include: includeName, text: model.name.value },
    selfAssessment: state.kind === 'taken' ? selfAssessmentSummary(state.questionnaire, state.sitting, contentLanguage(state.questionnaire, language)) : null,
  });
  const title = `${t('course.summaryTitle')}: ${content.title}`;
  usePageTitle(t('course.summary'), t('dashboard.courses'));

  // Said once the file is handed to the browser, as Your data says it: the download itself may show nothing a screen reader hears.
  const [saved, setSaved] = useState(false);
  function save() {
    const documentHtml = documentRef.current?.outerHTML;
    if (!documentHtml) return;
    downloadText(`${pack.id}-summary-${dateStamp(app.now())}.html`, summaryFile({ title, language, documentHtml, css: summaryCss }), 'text/html');
    setSaved(true);
  }

  return (
    <div class="summary-page">
      <p class="no-print"><a href={`#/courses/${pack.id}`}>← {t('course.backToCourse')}</a></p>
      <h1 id="summary-page-heading" class="no-print" tabIndex={-1}>{t('course.summary')}</h1>
      <div class="summary-controls no-print">
        <p class="hint">{t('course.summaryPageHint')}</p>
        <div class="field-checkbox">
          <input id="summary-include-name" type="checkbox" checked={includeName} onChange={(e) => model.setIncludeName((e.currentTarget as HTMLInputElement).checked)} />
          <label for="summary-include-name">{t('course.includeName')}</label>
        </div>
        {includeName ? (
          <div class="field">
            <label for="summary-name">{t('course.name')}</label>
            <input id="summary-name" type="text" autocomplete="name" maxLength={120} value={model.name.value} onInput={(e) => model.setName((e.currentTarget as HTMLInputElement).value)} />
          </div>
        ) : null}
        <div class="button-row start">
          <button type="button" class="button button-primary" onClick={() => window.print()}>{t('course.printSummary')}</button>
          <button type="button" class="button" onClick={save}>{t('course.saveSummary')}</button>
        </div>
        <p role="status" class="hint">{saved ? t('data.exported') : ''}</p>
        <p class="hint small">{t('course.summaryBelow')}</p>
      </div>
      <SummaryDocument content={content} documentRef={documentRef} />
    </div>
  );
}
