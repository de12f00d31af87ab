import { existsSync } from 'node:fs';
import { parseKitFile } from '../core/kit-file';
import { contentLanguage, ID_PATTERN } from '../core/questionnaire/types';
import { da } from '../ui/i18n/da';
import { daDashboard } from '../ui/i18n/da-dashboard';
import { en } from '../ui/i18n/en';
import { enDashboard, type Messages } from '../ui/i18n/en-dashboard';
import { isUiLanguage } from '../ui/i18n/languages';
import { sv } from '../ui/i18n/sv';
import { svDashboard } from '../ui/i18n/sv-dashboard';
import type { Output } from './output';
import { printableHtml } from './printable-html';
import { printablePackHtml } from './printable-pack-html';
import { readLimitedText } from './read-input';
import { findShippedFile } from './shipped';
import { reportProblems } from './validate-command';

const MESSAGES: Readonly<Record<string, Messages>> = {
  en: { ...en, ...enDashboard },
  sv: { ...sv, ...svDashboard },
  da: { ...da, ...daDashboard },
};

/** `print FILE|ID [--lang xx]`: a printable HTML form on stdout. */
export async function printCommand(target: string, language: string, out: Output): Promise<number> {
  let file = target;
  const [id, version] = target.split('@') as [string, string | undefined];
  if (!existsSync(target) && ID_PATTERN.regex.test(id) && (version === undefined || /^[1-9]\d{0,6}$/.test(version))) {
    const shippedIds: string[] = [];
    const found = await findShippedFile(id, async (candidate) => {
      const read = await readLimitedText(candidate);
      const parsed = read.ok ? parseKitFile(read.text) : null;
      const file = parsed?.ok ? (parsed.file.kind === 'questionnaire' ? parsed.file.questionnaire : parsed.file.pack) : null;
      if (file) shippedIds.push(file.id);
      return file ? { id: file.id, version: file.version } : null;
    }, version === undefined ? undefined : Number(version));
    if (!found) {
      reportProblems(target, [{ path: '', message: `is neither a file nor the id of a shipped questionnaire; expected a questionnaire file or one of ${shippedIds.join(', ') || '(none found)'}` }], out);
      return 1;
    }
    file = found;
  }
  const read = await readLimitedText(file);
  const parsed = read.ok ? parseKitFile(read.text) : { ok: false as const, problems: [{ path: '', message: read.message }] };
  if (!parsed.ok) {
    reportProblems(file, parsed.problems, out);
    return 1;
  }
  if (parsed.file.kind === 'course-pack') {
    const pack = parsed.file.pack;
    if (!pack.languages.includes(language)) out.error(`${file}: has no texts in "${language}"; printing in English (the file has ${pack.languages.join(', ')})`);
    out.print(printablePackHtml(pack, language));
    return 0;
  }
  const questionnaire = parsed.file.questionnaire;
  if (!questionnaire.languages.includes(language)) {
    // Not an error: the form is still useful in English, but the person asked for something else.
    out.error(`${file}: has no texts in "${language}"; printing in English (the file has ${questionnaire.languages.join(', ')})`);
  }
  // Labels in the language of the content, so a page is never half one language.
  const shown = contentLanguage(questionnaire, language);
  const messages = MESSAGES[isUiLanguage(shown) ? shown : 'en']!;
  out.print(printableHtml(questionnaire, messages, shown));
  return 0;
}
