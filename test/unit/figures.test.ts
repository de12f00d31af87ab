import { describe, expect, it } from 'vitest';
import { figureText, signedFigureText } from '../../src/ui/figures';

const sv = new Intl.NumberFormat('sv-SE').format;

describe('figures as shown in tables', () => {
  it('rounds to whole points, in the person\'s number format, and shows a dash for none', () => {
    expect(figureText(sv, 62.5)).toBe('63');
    expect(figureText(sv, 1234.4)).toBe(sv(1234));
    expect(figureText(sv, null)).toBe('–');
    expect(figureText(sv, undefined)).toBe('–');
  });

  it('marks a rise with a plus sign and leaves a fall to the number format', () => {
    expect(signedFigureText(sv, 12.4)).toBe('+12');
    expect(signedFigureText(sv, -3.6)).toBe(sv(-4));
    expect(signedFigureText(sv, 0.2)).toBe('0');
    // A small fall rounds to -0, which a number format would show as "-0".
    expect(signedFigureText(sv, -0.3)).toBe('0');
    expect(figureText(sv, -0.3)).toBe('0');
    expect(signedFigureText(sv, null)).toBe('–');
  });
});
