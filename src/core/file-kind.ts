import { INVITATION_PREFIX, OLD_INVITATION_PREFIX, OLD_RESPONSE_PREFIX, RESPONSE_PREFIX } from './round/code-text';
import { RESPONSE_FORMAT } from './round/response';
import { INVITATION_FILE_FORMAT } from './round/invitation-file';
import { BACKUP_FORMAT } from './backup/backup';
import { parseJsonSafely } from './safe-json';
import { isPlainObject } from './shape';

/**
 * What a file someone chose holds, as far as its first look tells: so that a refusal can
 * say in one plain sentence what the file is and where it belongs ("this is a course
 * pack: load it in Courses") before any detail of what is wrong with it.
 */
export type FileKind =
  | 'backup'
  | 'course-pack'
  | 'questionnaire'
  | 'response'
  | 'response-code'
  | 'invitation'
  | 'json'
  | 'not-json';

export function recogniseFile(text: string): FileKind {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith(RESPONSE_PREFIX) || trimmed.startsWith(OLD_RESPONSE_PREFIX)) return 'response-code';
  if (trimmed.startsWith(INVITATION_PREFIX) || trimmed.startsWith(OLD_INVITATION_PREFIX)) return 'invitation';
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return 'not-json';
  const value = parsed.value;
  if (!isPlainObject(value)) return 'json';
  if (value.format === BACKUP_FORMAT) return 'backup';
  if (value.format === RESPONSE_FORMAT) return 'response';
  if (value.format === INVITATION_FILE_FORMAT) return 'invitation';
  if (value.kind === 'course-pack') return 'course-pack';
  if (value.kind === 'questionnaire') return 'questionnaire';
  return 'json';
}
