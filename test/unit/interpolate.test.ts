import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/ui/i18n/interpolate';

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('no params {a}')).toBe('no params {a}');
  });

  it('picks plural forms by the language’s rules, with # as the number', () => {
    const template = '{count, plural, one {# sitting} other {# sittings}} kept';
    expect(interpolate(template, { count: 1 }, 'en')).toBe('1 sitting kept');
    expect(interpolate(template, { count: 0 }, 'en')).toBe('0 sittings kept');
    expect(interpolate(template, { count: 2 }, 'en')).toBe('2 sittings kept');
    expect(interpolate('{n, plural, one {# skattning} other {# skattningar}}', { n: 1 }, 'sv')).toBe('1 skattning');
    expect(interpolate('{n, plural, one {# evaluering} other {# evalueringer}}', { n: 5 }, 'da')).toBe('5 evalueringer');
  });

  it('uses "other" when a category has no form, and a plain placeholder beside a plural one', () => {
    expect(interpolate('{n, plural, other {# items}} in {place}', { n: 1, place: 'here' }, 'en')).toBe('1 items in here');
  });
});
