import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Something that can evaluate a script in a page: Playwright's and Puppeteer's pages both can. */
interface Evaluator {
  evaluate<R>(fn: string | ((...args: any[]) => R), ...args: any[]): Promise<any>;
}

/**
 * Runs axe-core in the page for WCAG 2.2 A and AA (2.2 adds target size, 24 × 24 px). The source goes in by evaluate,
 * which the extension's content security policy does not block.
 */
export async function axeViolations(page: Evaluator): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const json: string = await page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] });
    return JSON.stringify(result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })));
  })()`);
  return JSON.parse(json) as AxeViolation[];
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n  ')}`).join('\n');
}
