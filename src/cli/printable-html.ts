import { asksWantedPerItem, contentLanguage, itemsOf, textIn, type Questionnaire } from '../core/questionnaire/types';
import { enDashboard, type MessageKey, type Messages } from '../ui/i18n/en-dashboard';
import { en } from '../ui/i18n/en';
import { interpolate } from '../ui/i18n/interpolate';

/** Escapes text for HTML: questionnaire text is only ever output as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `
  body { font-family: Georgia, "Times New Roman", serif; color: #000; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
  .meta { display: flex; gap: 2rem; margin: 1rem 0; }
  .meta span { flex: 1; border-bottom: 1px solid #000; padding-top: 1.2rem; font-size: 0.8rem; }
  section { break-inside: avoid; page-break-inside: avoid; margin-top: 1.2rem; }
  section + section { break-before: auto; }
  table { width: 100%; border-collapse: collapse; }
  td { border-top: 1px solid #999; padding: 0.45rem 0.3rem; vertical-align: middle; font-size: 0.9rem; }
  td.statement { width: 36%; }
  td.right { text-align: right; }
  td.boxes { white-space: nowrap; text-align: center; letter-spacing: 0.15rem; font-size: 1.2rem; }
  tr.wanted td { border-top: 2px solid #000; font-style: italic; }
  tr.not-applicable td { border-top: none; padding-top: 0; font-size: 0.8rem; text-align: center; }
  h2.part { break-before: page; page-break-before: always; }
  .hint { font-size: 0.85rem; color: #333; }
  .sources { font-size: 0.75rem; color: #333; }
  @page { margin: 1.5cm; }
`;

/** A self-contained printable form (no scripts, no external files) for paper workshops. */
export function printableHtml(questionnaire: Questionnaire, messages: Messages, requestedLanguage: string): string {
  const lang = contentLanguage(questionnaire, requestedLanguage);
  const t = (key: MessageKey, params?: Record<string, string | number>) => escapeHtml(interpolate(messages[key] ?? ({ ...en, ...enDashboard } as Messages)[key], params, requestedLanguage));
  const text = (value: Readonly<Record<string, string>>) => escapeHtml(textIn(value, lang));
  const boxes = '☐ ☐ ☐ ☐ ☐ ☐ ☐';
  // Format 2 is asked as the extension asks it: each pair with "does not apply", then
  // "wanted" as a second part over the same pairs. Format 1 keeps one wanted row per dimension.
  const perItem = asksWantedPerItem(questionnaire);
  const section = (dimension: Questionnaire['dimensions'][number], part: 'now' | 'wanted') => {
    const rows = itemsOf(questionnaire, dimension.id).map((item) => `
      <tr><td class="statement">${text(item.left)}</td><td class="boxes" aria-label="1–7">${boxes}</td><td class="statement right">${text(item.right)}</td></tr>${
        perItem && part === 'now' ? `\n      <tr class="not-applicable"><td colspan="3">${t('print.notApplicable')}</td></tr>` : ''}`);
    const wantedRow = perItem ? '' : `
      <tr class="wanted"><td class="statement">${t('print.wantedRow')}: ${text(dimension.from)}</td><td class="boxes">${boxes}</td><td class="statement right">${text(dimension.to)}</td></tr>`;
    return `
  <section>
    <h2>${text(dimension.name)}</h2>
    <table>${rows.join('')}${wantedRow}
    </table>${part === 'now' ? `
    <p class="sources">${t('print.sources')}: ${dimension.sources.map(escapeHtml).join('; ')}</p>` : ''}
  </section>`;
  };
  const sections = [
    ...questionnaire.dimensions.map((dimension) => section(dimension, 'now')),
    ...(perItem ? [`\n  <h2 class="part">${t('print.wantedPart')}</h2>\n  <p class="hint">${t('print.wantedPartIntro')}</p>`, ...questionnaire.dimensions.map((dimension) => section(dimension, 'wanted'))] : []),
  ];
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<title>${text(questionnaire.title)}</title>
<style>${STYLE}</style>
</head>
<body>
  <h1>${text(questionnaire.title)}</h1>
  <p class="hint">${t('print.version', { version: questionnaire.version })} · ${escapeHtml(questionnaire.id)}</p>
  <p>${text(questionnaire.description)}</p>
  <div class="meta"><span>${t('print.nameLine')}</span><span>${t('print.dateLine')}</span></div>
  <p class="hint">${t('print.instructions')}</p>
  <p class="hint">${t('print.scaleNote', { from: textIn(questionnaire.poles.from, lang), to: textIn(questionnaire.poles.to, lang) })}</p>
${sections.join('\n')}
</body>
</html>
`;
}
