// One version for a release: package.json's, which build.mjs writes into both built
// manifests. manifest.json carries it too (for anyone who loads the folder's manifest
// or reads it), and the CHANGELOG's latest entry names it.

/**
 * Whether a version is one that Chrome, Edge and Firefox all accept for an extension:
 * one to four dot-separated whole numbers from 0 to 65535, without leading zeros, not all zero.
 */
export function isExtensionVersion(version: string): boolean {
  if (!/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/.test(version)) return false;
  const parts = version.split('.').map(Number);
  return parts.every((part) => part <= 65535) && parts.some((part) => part > 0);
}

export interface ChangelogEntry {
  /** "Unreleased", or the version as its heading gives it */
  readonly version: string;
  readonly date: string | undefined;
  /** the lines under its heading that say something (not blank, not a ### heading) */
  readonly items: number;
}

/**
 * The entries of a Keep a Changelog file, newest first: `## [1.2.0] - 2027-01-31`,
 * `## [Unreleased]` (brackets optional).
 */
export function changelogEntries(text: string): ChangelogEntry[] {
  const entries: { version: string; date: string | undefined; items: number }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const heading = /^## +\[?([^\]\s]+)\]?(?: +[-–] +(\d{4}-\d{2}-\d{2}))?/.exec(line);
    if (heading) {
      entries.push({ version: heading[1]!, date: heading[2], items: 0 });
      continue;
    }
    const current = entries.at(-1);
    if (current && /^\s*[-*] +\S/.test(line)) current.items++;
  }
  return entries;
}

export interface VersionSource {
  readonly source: string;
  readonly version: string | undefined;
}

/**
 * What is wrong with a release's versions: each source must give package.json's version,
 * which must be one the browsers accept; the CHANGELOG's newest entry with content must be
 * that version (an Unreleased section with entries means the release has not been written
 * up yet, unless `allowUnreleased`).
 */
export function versionProblems(packageVersion: string, sources: readonly VersionSource[], changelog: readonly ChangelogEntry[], { allowUnreleased = false } = {}): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!isExtensionVersion(packageVersion)) problems.push(`package.json's version ${packageVersion} is not one the browsers accept (one to four numbers from 0 to 65535, e.g. 1.2.0)`);
  for (const { source, version } of sources) {
    if (version === undefined) problems.push(`${source} has no version`);
    else if (version !== packageVersion) problems.push(`${source} says ${version}, package.json says ${packageVersion}`);
  }
  const unreleased = changelog.find((entry) => entry.version.toLowerCase() === 'unreleased');
  if (unreleased && unreleased.items > 0) {
    const message = `CHANGELOG.md's Unreleased section has ${unreleased.items} ${unreleased.items === 1 ? 'entry' : 'entries'}: a release moves them under "## [X.Y.Z] - YYYY-MM-DD" and sets X.Y.Z in package.json and manifest.json (now ${packageVersion})`;
    (allowUnreleased ? warnings : problems).push(message);
  }
  const latest = changelog.find((entry) => entry.version.toLowerCase() !== 'unreleased');
  if (!latest) problems.push('CHANGELOG.md has no entry for a version');
  else {
    if (latest.version !== packageVersion) problems.push(`CHANGELOG.md's latest entry is ${latest.version}, package.json says ${packageVersion}`);
    if (latest.date === undefined) problems.push(`CHANGELOG.md's entry for ${latest.version} has no date (## [${latest.version}] - YYYY-MM-DD)`);
  }
  return { problems, warnings };
}
