/**
 * Questionnaires a person added from a file (or that came with a course pack or a
 * team round), kept in extension storage.
 *
 * Each is one record, `added:<id>@<version>`, holding the file's questionnaire and its
 * content hash: the truth (added-record.ts). An index, `added-questionnaires`, lists
 * their summaries so the popup can list them with one read and no questionnaire text
 * (added-index.ts); it is made from the records (`indexFromRecords`), rebuilt after
 * every change, and never backed up.
 */
export const ADDED_KEYS = { index: 'added-questionnaires', prefix: 'added:' } as const;

export const addedKey = (id: string, version: number) => `${ADDED_KEYS.prefix}${id}@${version}`;

/**
 * The lock every writer of the added questionnaires' index holds (the pages' library
 * model and the background's policy sync), so two writers never lose each other's change.
 * Here rather than in the library model, so the background does not bundle Preact with it.
 */
export const LIBRARY_LOCK = 'library';

/** How many added questionnaires one browser keeps: far more than any person takes, and the popup's list stays quick. */
export const MAX_ADDED_QUESTIONNAIRES = 200;
/** The most a questionnaire file may weigh: the parser's own limit (safe-json). */
export const MAX_QUESTIONNAIRE_FILE_BYTES = 1_000_000;

/** How a questionnaire came into this browser; "organisation": the organisation's policy preinstalled it (policy-sync.ts). */
export const ORIGINS = ['file', 'course-pack', 'team-round', 'organisation'] as const;
export type AddedOrigin = (typeof ORIGINS)[number];

/** `sha256:` and 64 hex digits: the form questionnaires/lock.json writes. */
export const CONTENT_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
