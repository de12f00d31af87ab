import { PATTERN_WORDS } from '../problem-words';

/** Round and response ids: URL- and file-name-safe, so they also fit codes and paths. */
export const TOKEN_PATTERN = {
  regex: /^[A-Za-z0-9_-]{1,64}$/,
  name: 'token',
  description: PATTERN_WORDS.token,
} as const;
