import { parseKitFile, kitFileSummary } from '../core/kit-file';
import { describeProblem, type Problem } from '../core/problems';
import { readLimitedText } from './read-input';
import type { Output } from './output';

/** Enough for any real file; a hostile one (100,000 unknown fields) is cut short rather than flooding the terminal. */
const MAX_PROBLEMS_SHOWN = 500;

/** `validate [--json] FILE...`: 0 when every file is valid, 1 when any is not. */
export async function validateCommand(files: string[], json: boolean, out: Output): Promise<number> {
  const summaries: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    const read = await readLimitedText(file);
    const result = read.ok ? parseKitFile(read.text) : { ok: false as const, problems: [{ path: '', message: read.message }] };
    if (!result.ok) {
      failed++;
      reportProblems(file, result.problems, out);
      continue;
    }
    const summary = kitFileSummary(result.file, file);
    summaries.push(summary);
    if (!json) {
      const items = summary.dimensions.reduce((sum, d) => sum + d.items.length, 0);
      const contents = 'exercises' in summary && summary.exercises
        ? `${summary.exercises.length} exercises, questionnaire "${summary.questionnaire}"`
        : `${summary.dimensions.length} dimensions, ${items} items`;
      out.print(oneLine(`ok ${file}: ${summary.kind} "${summary.id}" version ${summary.version} (${summary.languages.join(', ')}), ${contents}`));
    }
  }
  if (json) out.print(JSON.stringify(summaries, null, 2));
  return failed > 0 ? 1 : 0;
}

/** One stderr line per problem, each starting with the file's name so that it can be grepped and sorted. */
export function reportProblems(file: string, problems: readonly Problem[], out: Output): void {
  for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) out.error(oneLine(`${file}: ${describeProblem(problem)}`));
  if (problems.length > MAX_PROBLEMS_SHOWN) {
    out.error(oneLine(`${file}: ${problems.length - MAX_PROBLEMS_SHOWN} more problems not shown; expected fewer once those above are fixed`));
  }
}

/** Escapes line breaks and control characters (say, in a file's name) so a report line stays one line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
