import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { shippedPacks } from 'shiftmeter:packs';
import { contentLanguage, ID_PATTERN, textIn } from '../core/questionnaire/types';
import type { DraftMeta, Sitting } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import { AssessmentScreen } from '../ui/assessment/assessment-screen';
import { CourseOriginModel, type CourseLink } from '../ui/courses/course-origin-model';
import { findPackTitle } from '../ui/courses/find-pack';
import { readDrafts } from '../ui/drafts';
import { navigate } from '../ui/hash-route';
import { QuestionnaireList } from '../ui/questionnaire-list';
import { useReadyMark } from '../ui/ready';
import { AddedQuestionnaires } from './library/added-questionnaires';
import { PolicyNotice } from './policy-notice';
import { TakingHeading } from './taking-heading';

/**
 * The questionnaires in a full tab: the list, or one being taken. Taken from a course
 * (`#/take/<questionnaire>/course/<pack>`), it leads back to the course, which then
 * shows the result.
 */
export function TakeView({ questionnaireId, coursePackId }: { questionnaireId: string | undefined; coursePackId?: string | undefined }) {
  const t = useT();
  if (questionnaireId && coursePackId && ID_PATTERN.regex.test(coursePackId)) {
    return <TakeFromCourse key={`${questionnaireId}/${coursePackId}`} questionnaireId={questionnaireId} packId={coursePackId} />;
  }
  if (questionnaireId) {
    return (
      <section class="take" aria-label={t('dashboard.take')}>
        <TakingHeading questionnaireId={questionnaireId} />
        <AssessmentScreen key={questionnaireId} questionnaireId={questionnaireId} onDone={() => navigate('take')} onHistory={() => navigate('history', questionnaireId)} />
      </section>
    );
  }
  return <TakeList />;
}

function TakeFromCourse({ questionnaireId, packId }: { questionnaireId: string; packId: string }) {
  const app = useApp();
  const t = useT();
  const origin = useModel(() => new CourseOriginModel({ store: app.store, findPack: (id) => findPackTitle(app.store, shippedPacks, id) }, packId));
  const course = origin.course.value;
  if (course.kind === 'checking') return <p role="status">{t('common.loading')}</p>;
  // A course this browser does not have (a mistyped address): the questionnaire as from the list.
  if (course.kind === 'missing') {
    return (
      <section class="take" aria-label={t('dashboard.take')}>
        <TakingHeading questionnaireId={questionnaireId} />
        <AssessmentScreen questionnaireId={questionnaireId} onDone={() => navigate('take')} onHistory={() => navigate('history', questionnaireId)} />
      </section>
    );
  }
  const lang = contentLanguage({ languages: course.languages }, app.i18n.language.value);
  const title = textIn(course.title, lang);
  return (
    <section class="take" aria-label={t('dashboard.take')}>
      <TakingHeading questionnaireId={questionnaireId} />
      <p class="hint small">{t('course.takingFor', { title })}</p>
      <AssessmentScreen
        questionnaireId={questionnaireId}
        onDone={() => navigate('courses', packId, 'self-assessment')}
        doneLabel={t('course.backToCourse')}
        onHistory={() => navigate('history', questionnaireId)}
        resultExtra={(sitting) => <CourseLinkNote sitting={sitting} record={origin.record} link={origin.link.value} title={title} />}
      />
    </section>
  );
}

/** Notes the finished sitting for the course, once, and says whether the course will show it. */
function CourseLinkNote({ sitting, record, link, title }: { sitting: Sitting; record: (sitting: Sitting) => Promise<void>; link: CourseLink; title: string }) {
  const t = useT();
  useEffect(() => {
    void record(sitting);
  }, [sitting.id]);
  return (
    <>
      <p role="status" class="hint">{link.kind === 'saved' ? t('course.linkSaved', { title }) : null}</p>
      <div role="alert" class={link.kind === 'failed' ? 'notice notice-error' : 'notice-empty'}>
        {link.kind === 'failed' ? <p>{t('course.linkFailed', { detail: link.detail })}</p> : null}
      </div>
    </>
  );
}

function TakeList() {
  const app = useApp();
  const t = useT();
  const [drafts, setDrafts] = useState<Record<string, DraftMeta> | null>(null);
  useEffect(() => {
    void readDrafts(app.store, app.catalog).then(setDrafts);
  }, []);
  useReadyMark(drafts !== null);
  return (
    <section class="take">
      <h1 tabIndex={-1}>{t('dashboard.take')}</h1>
      <p class="hint">{t('popup.choose')}</p>
      {/* Before the cards, under the page's own heading: after them it read as part of the last card. */}
      <PolicyNotice />
      {drafts ? <QuestionnaireList drafts={drafts} headingLevel={2} onOpen={(id) => navigate('take', id)} printLink={(id) => ({ href: `#/print/${id}`, label: t('take.print') })} /> : <p role="status">{t('common.loading')}</p>}
      <AddedQuestionnaires />
    </section>
  );
}
