import { parseKitFile, kitFileSummary } from '../core/kit-file';
import { describeProblem } from '../core/problems';
import { readLimitedText } from './read-input';
import type { Output } from './output';

/** `validate [--json] FILE...`: 0 when every file is valid, 1 when any is not. */
export async function validateCommand(files: string[], json: boolean, out: Output): Promise<number> {
  const summaries: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    const read = await readLimitedText(file);
    const result = read.ok ? parseKitFile(read.text) : { ok: false as const, problems: [{ path: '', message: read.message }] };
    if (!result.ok) {
      failed++;
      for (const problem of result.problems) out.error(`${file}: ${describeProblem(problem)}`);
      continue;
    }
    const summary = kitFileSummary(result.file, file);
    summaries.push(summary);
    if (!json) {
      const items = summary.dimensions.reduce((sum, d) => sum + d.items.length, 0);
      out.print(`ok ${file}: ${summary.kind} "${summary.id}" version ${summary.version} (${summary.languages.join(', ')}), ${summary.dimensions.length} dimensions, ${items} items`);
    }
  }
  if (json) out.print(JSON.stringify(summaries, null, 2));
  if (failed > 0) out.error(`${failed} of ${files.length} file${files.length === 1 ? '' : 's'} invalid`);
  return failed > 0 ? 1 : 0;
}
