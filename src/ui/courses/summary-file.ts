/**
 * The saved summary: one self-contained HTML file, the same document the page shows and
 * prints, with its stylesheet inside and no script. Its own content security policy
 * forbids scripts and every outside resource, so it opens the same anywhere, offline.
 */
export interface SummaryFileInput {
  /** The window title, e.g. "Summary: Opening a café". */
  title: string;
  /** The interface language the labels are in. */
  language: string;
  /** The document as the page renders it (its outerHTML). */
  documentHtml: string;
  css: string;
}

/** The page's own frame for the document, which the dashboard's stylesheet gives it in the page. */
const FILE_CSS = 'body { margin: 2rem auto; max-width: 48rem; padding: 0 1rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #ffffff; }';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * In the page the summary sits under the view's own heading, so it starts at h2; alone
 * in a file it starts at h1. The serialised DOM escapes `<` in text, so every `<h2`…`</h6>`
 * found here is a tag.
 */
export function promoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([2-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Number(level) - 1}`);
}

/** Anything that could run or reach out is taken out, should it ever reach the document. */
function withoutActiveContent(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\s(on[a-z]+|tabindex)=("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

export function summaryFile({ title, language, documentHtml, css }: SummaryFileInput): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${FILE_CSS}\n${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    '<body>',
    promoteHeadings(withoutActiveContent(documentHtml)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
