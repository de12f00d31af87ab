import { AGGREGATE_VALUED, aggregateArguments, aggregateCommand } from './aggregate-command';
import { ANALYSE_VALUED, analyseArguments, analyseCommand } from './analyse-command';
import { EXPORT_FLAGS, EXPORT_VALUED, exportArguments, exportCommand } from './export-command';
import { processOutput, type Output } from './output';
import { printCommand } from './print-command';
import { SIMULATE_VALUED, simulateArguments, simulateCommand } from './simulate-command';
import { validateCommand } from './validate-command';

const USAGE = `Usage: shiftmeter <command> [options]

Commands:
  validate [--json] FILE...     check questionnaire and course-pack files
  print FILE|ID [--lang xx]     write a printable HTML form to stdout
                                (ID@VERSION: an earlier version the kit keeps)
  aggregate PATH... [--min-group N] [--format json|csv] [--questionnaire FILE|ID[@VERSION]] [--round R]
            [--previous FILE]   pool anonymised response files (files, or folders
                                walked for *.json); rejected files are listed on
                                stderr. Without --questionnaire/--round, the version
                                and round most files name. CSV: one row per dimension
                                and an "overall" row; below the minimum group (default
                                5, at least 3) only "overall" with n, figures empty.
                                Means and the count behind each; no medians, quartiles
                                or alpha (for alpha, analyse). --previous: the JSON
                                output published last time; figures that fewer than
                                the minimum group of new answers would change are
                                printed as they were
  analyse PATH... [--format text|json|csv] [--min-group N] [--questionnaire FILE|ID[@VERSION]] [--round R]
                                item analysis, for whoever holds the files, of those
                                aggregate would pool (the same files refused, the same
                                n): per item n, "does not apply" share, mean, sd, floor
                                and ceiling shares, item-rest correlation, alpha if
                                dropped; per dimension Cronbach's alpha with Feldt's 95%
                                interval from the complete answers. Flags: item-rest below .30,
                                alpha below .70, "does not apply" above 20%, floor or
                                ceiling above 30%. Below the minimum group, the count only
  export PATH... --out DIR [--include-responses] [--min-group N] [--questionnaire FILE|ID[@VERSION]] [--round R]
                                a Frictionless Data Package of the files aggregate would
                                pool, into a new or empty folder: datapackage.json (a
                                Table Schema per table), team-figures.csv (aggregate's
                                figures, minimum group applied), items.csv and
                                dimensions.csv. --include-responses adds responses.csv
                                (one row per response and item) and scores.csv (per
                                response and dimension): as identifying as the files
  simulate FILE|ID --count N [--seed S] [--round R] [--weak-item ITEM] --out DIR
                                write N plausible anonymised responses (seed default 1,
                                round default sim-SEED); the same seed, the same files.
                                --weak-item: that item answered as noise, unrelated to
                                its dimension (for analyse to flag)

Exit status: 0 all well, 1 an input is invalid, 2 a usage error.`;

export class UsageError extends Error {}

/** Splits `--flag value` and `--flag=value` options from positional arguments. */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[]) {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(name) && inline === undefined) options[name] = true;
    else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { options, positional };
}

export async function run(argv: readonly string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const { options, positional } = parseArgs(rest, [], ['json']);
        if (positional.length === 0) throw new UsageError('validate needs at least one FILE');
        return await validateCommand(positional, options.json === true, out);
      }
      case 'print': {
        const { options, positional } = parseArgs(rest, ['lang'], []);
        if (positional.length !== 1) throw new UsageError('print needs exactly one FILE or ID');
        const lang = typeof options.lang === 'string' ? options.lang : 'en';
        if (!/^[a-z]{2,3}$/.test(lang)) throw new UsageError(`--lang "${lang}" is not a language code such as en, sv or da`);
        return await printCommand(positional[0]!, lang, out);
      }
      case 'aggregate': {
        const { options, positional } = parseArgs(rest, AGGREGATE_VALUED, []);
        const checked = aggregateArguments(options, positional);
        if (!checked.ok) throw new UsageError(checked.message);
        return await aggregateCommand(checked.options, out);
      }
      case 'analyse': {
        const { options, positional } = parseArgs(rest, ANALYSE_VALUED, []);
        const checked = analyseArguments(options, positional);
        if (!checked.ok) throw new UsageError(checked.message);
        return await analyseCommand(checked.options, out);
      }
      case 'export': {
        const { options, positional } = parseArgs(rest, EXPORT_VALUED, EXPORT_FLAGS);
        const checked = exportArguments(options, positional);
        if (!checked.ok) throw new UsageError(checked.message);
        return await exportCommand(checked.options, out);
      }
      case 'simulate': {
        const { options, positional } = parseArgs(rest, SIMULATE_VALUED, []);
        const checked = simulateArguments(options, positional);
        if (!checked.ok) throw new UsageError(checked.message);
        return await simulateCommand(checked.options, out);
      }
      case undefined:
        // A usage error like any other: usage on stderr, so stdout stays for results.
        throw new UsageError('no command given');
      case 'help':
      case '--help':
      case '-h':
        out.print(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`shiftmeter: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Bad input never reaches here; this is a bug in the kit, reported without a stack.
    out.error(`shiftmeter: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
