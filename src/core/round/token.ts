/** Round and response ids: URL- and file-name-safe, so they also fit codes and paths. */
export const TOKEN_PATTERN = {
  regex: /^[A-Za-z0-9_-]{1,64}$/,
  description: '1 to 64 letters, digits, "-" or "_"',
};
