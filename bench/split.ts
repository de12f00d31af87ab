import { crc32Hex } from '../src/core/round/crc32';
import { INVITATION_PREFIX, MAX_INVITATION_CHARS, MAX_PASTE_CHARS, MAX_RESPONSE_CHARS, RESPONSE_PREFIX } from '../src/core/round/code-text';
import { splitCodes } from '../src/core/round/split-codes';
import { notMeasured, summarize, type NotMeasured, type Summary } from './stats';

const KINDS = [{ prefix: RESPONSE_PREFIX, maxChars: MAX_RESPONSE_CHARS }, { prefix: INVITATION_PREFIX, maxChars: MAX_INVITATION_CHARS }];

export interface SplitFigure {
  pasteChars: number;
  /** The whitespace-separated pieces the paste holds. */
  pieces: number;
  codes: number;
  ms: Summary;
}

/**
 * The worst paste the team view accepts: as large as it allows, of codes as long as
 * they may be, every character on a line of its own: a million one-character joins,
 * each after a check whether the code is whole. Checking by re-reading the code from
 * its start, as splitting first did, took about 20 s for this paste.
 */
function adversarialPaste(): { text: string; codes: number } {
  const body = 'A'.repeat(MAX_RESPONSE_CHARS - RESPONSE_PREFIX.length - 9);
  const code = `${RESPONSE_PREFIX}${body}.${crc32Hex(RESPONSE_PREFIX + body)}`;
  const oneCode = `${[...code].join('\n')}\n`;
  const codes = Math.floor(MAX_PASTE_CHARS / oneCode.length);
  return { text: oneCode.repeat(codes), codes };
}

/** `splitCodes` over the adversarial paste in this process (ms), after one warm-up. */
export function benchSplit(runs: number): SplitFigure | NotMeasured {
  const { text, codes } = adversarialPaste();
  const times: number[] = [];
  for (let run = -1; run < runs; run++) {
    const started = performance.now();
    const found = splitCodes(text, KINDS).length;
    const elapsed = performance.now() - started;
    if (found !== codes) return notMeasured(`split the paste into ${found} codes, not ${codes}`);
    if (run >= 0) times.push(elapsed);
  }
  return { pasteChars: text.length, pieces: codes * MAX_RESPONSE_CHARS, codes, ms: summarize(times) };
}
