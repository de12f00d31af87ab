import { useModel } from '@preact/signals';
import type { CoursePack } from '../../core/pack/types';
import { contentLanguage } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import { PackModel } from '../../ui/courses/pack-model';
import { useReadyMark } from '../../ui/ready';
import { PackSummaryView } from './pack-summary';
import { PackView } from './pack-view';

/**
 * One pack: the course (`#/courses/<pack>`, or `…/self-assessment` to arrive at its
 * result) or the student's summary (`…/summary`). Both share one model, so the name
 * typed for the summary stays while the student goes back to the course and returns.
 */
export function PackPage({ pack, section }: { pack: CoursePack; section: string | undefined }) {
  const app = useApp();
  const t = useT();
  const model = useModel(() => new PackModel({ store: app.store, catalog: app.catalog, now: app.now }, pack));
  const progress = model.progress.value;
  useReadyMark(progress.kind === 'failed');
  if (progress.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (progress.kind === 'failed') return <p class="notice notice-error" role="alert">{t('error.load', { detail: progress.detail })}</p>;
  const lang = contentLanguage(pack, app.i18n.language.value);
  // Keyed by section, so that each arrival mounts anew and takes the focus as a new view does.
  return section === 'summary'
    ? <PackSummaryView key="summary" model={model} pack={pack} lang={lang} />
    : <PackView key={section ?? 'course'} model={model} pack={pack} lang={lang} arriveAt={section === 'self-assessment' ? 'self-assessment' : null} />;
}
