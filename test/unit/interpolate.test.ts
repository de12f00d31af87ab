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

  it('fills several plural blocks, and the same name as a plain placeholder and in plural blocks', () => {
    const template = 'Size: {min}. Until {min, plural, one {# person has} other {# people have}} answered and {min, plural, one {# more answer counts} other {# more answers count}}.';
    expect(interpolate(template, { min: 1 }, 'en')).toBe('Size: 1. Until 1 person has answered and 1 more answer counts.');
    expect(interpolate(template, { min: 3 }, 'en')).toBe('Size: 3. Until 3 people have answered and 3 more answers count.');
    const erase = '{a, plural, one {# anteckning} other {# anteckningar}}, {b, plural, one {# teamomgång (inklusive omgångens nyckel)} other {# teamomgångar (inklusive omgångarnas nycklar)}}';
    expect(interpolate(erase, { a: 1, b: 2 }, 'sv')).toBe('1 anteckning, 2 teamomgångar (inklusive omgångarnas nycklar)');
    expect(interpolate(erase, { a: 0, b: 1 }, 'sv')).toBe('0 anteckningar, 1 teamomgång (inklusive omgångens nyckel)');
  });

  it('treats a number passed as a formatted string by its value', () => {
    const template = '{points, plural, one {# point} other {# points}}';
    expect(interpolate(template, { points: '1' }, 'en')).toBe('1 point');
    expect(interpolate(template, { points: '12' }, 'en')).toBe('12 points');
    expect(interpolate('{n, plural, one {# note} other {# noter}}', { n: 1 }, 'da')).toBe('1 note');
  });
});
