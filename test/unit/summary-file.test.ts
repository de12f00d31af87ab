import { describe, expect, it } from 'vitest';
import { promoteHeadings, summaryFile } from '../../src/ui/courses/summary-file';

describe('the saved summary file', () => {
  const file = summaryFile({
    title: 'Summary: <Café> & "friends"',
    language: 'sv',
    documentHtml: '<article class="summary-document"><h2 id="summary-title" tabindex="-1">Summary</h2><h3>Exercises</h3><h4>Exercise 1</h4><p onclick="x()">A &lt;h2&gt; in text</p><script>alert(1)</script></article>',
    css: '.summary-document { color: black; } </style><p>out of the style</p>',
  });

  it('is one HTML document in the interface language, with its title escaped', () => {
    expect(file).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(file).toContain('<title>Summary: &lt;Café&gt; &amp; &quot;friends&quot;</title>');
    expect(file).toContain('<meta charset="utf-8">');
  });

  it('runs nothing and loads nothing: no script, no handler, and a policy that forbids both', () => {
    expect(file).not.toMatch(/<script|onclick|tabindex/i);
    expect(file).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    // The stylesheet cannot close its own element.
    expect(file.match(/<\/style>/g)).toHaveLength(1);
    expect(file).toContain('<\\/style><p>out of the style</p></style>');
  });

  it('starts the document at h1, as a file of its own, and leaves text that looks like a tag alone', () => {
    expect(file).toContain('<h1 id="summary-title">Summary</h1><h2>Exercises</h2><h3>Exercise 1</h3>');
    expect(file).toContain('A &lt;h2&gt; in text');
    expect(promoteHeadings('<h6>x</h6><hr><header>')).toBe('<h5>x</h5><hr><header>');
  });
});
