import { describe, expect, it } from 'vitest';
import { parseJsonSafely } from '../../src/core/safe-json';

describe('parseJsonSafely', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonSafely('{"a": [1, 2, {"b": "c"}]}')).toEqual({ ok: true, value: { a: [1, 2, { b: 'c' }] } });
  });

  it('refuses text that is not JSON, saying so', () => {
    const result = parseJsonSafely('{"a": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/not valid JSON/);
  });

  it('refuses input over the size limit before parsing it', () => {
    const result = parseJsonSafely(`"${'x'.repeat(2000)}"`, { maxBytes: 1000, maxDepth: 10 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/larger than 1 KB/);
  });

  it('counts multi-byte characters as their UTF-8 size', () => {
    expect(parseJsonSafely(`"${'å'.repeat(600)}"`, { maxBytes: 1000, maxDepth: 10 }).ok).toBe(false);
    expect(parseJsonSafely(`"${'a'.repeat(600)}"`, { maxBytes: 1000, maxDepth: 10 }).ok).toBe(true);
  });

  it('refuses nesting deep enough to crash a recursive walker, naming the line', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = parseJsonSafely(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/nested more than 32 levels deep \(line 1\)/);
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(parseJsonSafely(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\\' }), { maxBytes: 1000, maxDepth: 3 }).ok).toBe(true);
  });

  it('keeps __proto__ as an own property, never as the prototype', () => {
    const result = parseJsonSafely('{"__proto__": {"polluted": true}}');
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });
});
