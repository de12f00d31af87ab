import type { FileKind } from '../core/file-kind';
import type { Problem } from '../core/problems';
import { useT } from './app-context';
import type { MessageKey } from './i18n/en-dashboard';
import { describeProblemIn } from './problem-words';

/** What a file is, when it is not what this place takes: where it belongs, in one sentence. */
const ELSEWHERE: Readonly<Record<FileKind, MessageKey>> = {
  'backup': 'file.isBackup',
  'course-pack': 'file.isCoursePack',
  'questionnaire': 'file.isQuestionnaire',
  'response': 'file.isResponse',
  'response-code': 'file.isResponseCode',
  'invitation': 'file.isInvitation',
  'json': 'file.otherJson',
  'not-json': 'file.notJson',
};

/**
 * A refused file: first a plain sentence (what happened, what to do, and where a file of
 * another kind belongs), then the technical detail (the place in the file and what was
 * expected) under "Details", for the person who wrote the file, in the interface language.
 */
export function FileRefusal({ expected, found, problems, testId }: { expected: FileKind; found: FileKind; problems: readonly Problem[]; testId?: string }) {
  const t = useT();
  const sentence = found === expected
    ? t(expected === 'backup' ? 'file.badBackup' : expected === 'questionnaire' ? 'file.badQuestionnaire' : 'file.badPack')
    : t(ELSEWHERE[found]);
  return (
    <div data-testid={testId}>
      <p>{sentence}</p>
      {/* Text that is not JSON gets its place too (line and column): the author of a file with a missing comma needs it. */}
      {(found === expected || found === 'not-json') && problems.length > 0 ? (
        <details>
          <summary>{t('file.details')}</summary>
          <ul>{problems.map((problem, index) => <li key={index}>{describeProblemIn(t, problem)}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}
