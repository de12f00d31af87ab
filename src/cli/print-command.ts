import { existsSync } from 'node:fs';
import { parseKitFile } from '../core/kit-file';
import { describeProblem } from '../core/problems';
import { ID_PATTERN } from '../core/questionnaire/types';
import { da } from '../ui/i18n/da';
import { en, type Messages } from '../ui/i18n/en';
import { isUiLanguage } from '../ui/i18n/languages';
import { sv } from '../ui/i18n/sv';
import type { Output } from './output';
import { printableHtml } from './printable-html';
import { readLimitedText } from './read-input';
import { findShippedFile } from './shipped';

const MESSAGES: Readonly<Record<string, Messages>> = { en, sv, da };

/** `print FILE|ID [--lang xx]`: a printable HTML form on stdout. */
export async function printCommand(target: string, language: string, out: Output): Promise<number> {
  let file = target;
  if (!existsSync(target) && ID_PATTERN.regex.test(target)) {
    const found = await findShippedFile(target, async (candidate) => {
      const read = await readLimitedText(candidate);
      const parsed = read.ok ? parseKitFile(read.text) : null;
      return parsed?.ok ? parsed.file.questionnaire.id : null;
    });
    if (!found) {
      out.error(`${target}: no such file, and no shipped questionnaire has this id`);
      return 1;
    }
    file = found;
  }
  const read = await readLimitedText(file);
  if (!read.ok) {
    out.error(`${file}: ${read.message}`);
    return 1;
  }
  const parsed = parseKitFile(read.text);
  if (!parsed.ok) {
    for (const problem of parsed.problems) out.error(`${file}: ${describeProblem(problem)}`);
    return 1;
  }
  const messages = isUiLanguage(language) ? MESSAGES[language]! : en;
  out.print(printableHtml(parsed.file.questionnaire, messages, language));
  return 0;
}
