import { DEFAULT_MIN_GROUP, LOWEST_MIN_GROUP } from '../core/round/disclosure';
import { TOKEN_PATTERN } from '../core/round/response';

/** The options of every command that pools response files: aggregate, analyse, export. */
export const POOL_VALUED = ['min-group', 'questionnaire', 'round'] as const;

export interface PoolOptions {
  paths: string[];
  minGroup: number;
  questionnaire?: string;
  round?: string;
}

export type Checked<T> = { ok: true; options: T } | { ok: false; message: string };

/** Checks the pooling options of `command`; the message of a usage error otherwise. */
export function poolArguments(command: string, options: Record<string, string | true>, positional: readonly string[]): Checked<PoolOptions> {
  if (positional.length === 0) return { ok: false, message: `${command} needs at least one PATH (a response file or a folder of them)` };
  const minGroup = options['min-group'] ?? String(DEFAULT_MIN_GROUP);
  if (typeof minGroup !== 'string' || !/^\d{1,9}$/.test(minGroup)) {
    return { ok: false, message: `--min-group "${String(minGroup)}" is not a whole number` };
  }
  if (Number(minGroup) < LOWEST_MIN_GROUP) {
    return { ok: false, message: `--min-group ${Number(minGroup)} is too small; it is at least ${LOWEST_MIN_GROUP}, so that no one's answers can be worked out` };
  }
  const round = options.round;
  if (typeof round === 'string' && !TOKEN_PATTERN.regex.test(round)) return { ok: false, message: `--round "${round}" is not ${TOKEN_PATTERN.description}` };
  const questionnaire = options.questionnaire;
  return {
    ok: true,
    options: {
      paths: [...positional],
      minGroup: Number(minGroup),
      ...(typeof questionnaire === 'string' ? { questionnaire } : {}),
      ...(typeof round === 'string' ? { round } : {}),
    },
  };
}

/** `--format`: one of `allowed`, the first when not given. */
export function formatArgument<F extends string>(options: Record<string, string | true>, allowed: readonly [F, ...F[]]): Checked<F> {
  const format = options.format ?? allowed[0];
  if (typeof format !== 'string' || !(allowed as readonly string[]).includes(format)) {
    return { ok: false, message: `--format "${String(format)}" is not ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` };
  }
  return { ok: true, options: format as F };
}
