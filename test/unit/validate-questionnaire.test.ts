import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/core/problems';
import { parseQuestionnaire, validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { TEXT_LIMITS } from '../../src/core/questionnaire/types';
import { makeProfileQuestionnaire, makeQuestionnaire } from '../helpers/questionnaire-fixture';

function problemsOf(input: unknown): string[] {
  const result = validateQuestionnaire(input);
  return result.ok ? [] : result.problems.map(describeProblem);
}

function mutated(mutate: (q: any) => void): unknown {
  const q = structuredClone(makeQuestionnaire()) as any;
  mutate(q);
  return q;
}

describe('validateQuestionnaire', () => {
  it('accepts a valid questionnaire', () => {
    expect(problemsOf(makeQuestionnaire())).toEqual([]);
  });

  it('refuses the wrong top-level type', () => {
    expect(problemsOf([])).toEqual(['expected an object, found an array (a questionnaire file holds one JSON object)']);
    expect(problemsOf('text')[0]).toMatch(/expected an object, found the string/);
  });

  it('names a missing field by its path', () => {
    expect(problemsOf(mutated((q) => delete q.dimensions[1].theory))).toContain('dimensions[1].theory: is missing; this field is required');
  });

  it('names a mistyped field and says what was expected', () => {
    expect(problemsOf(mutated((q) => (q.version = '2')))).toContain('version: expected a whole number, found the string "2"');
    expect(problemsOf(mutated((q) => (q.items[0].left = 'text')))).toContain('items[0].left: expected an object, found the string "text"');
  });

  it('refuses an unknown field rather than silently ignoring a typo', () => {
    expect(problemsOf(mutated((q) => (q.dimensons = []))).join()).toMatch(/^dimensons: is not a known field/);
  });

  it('refuses duplicated ids', () => {
    expect(problemsOf(mutated((q) => (q.items[1].id = q.items[0].id)))).toContain('items[1].id: "dim-1-1" is used twice; item ids must be unique (first at items[0])');
    expect(problemsOf(mutated((q) => (q.dimensions[2].id = 'dim-1'))).join()).toMatch(/dimensions\[2\]\.id: "dim-1" is used twice/);
  });

  it('refuses an item that names a dimension that does not exist', () => {
    expect(problemsOf(mutated((q) => (q.items[0].dimension = 'nowhere'))).join()).toMatch(/items\[0\]\.dimension: names the dimension "nowhere", which this file does not define/);
  });

  it('refuses a dimension with fewer than three items', () => {
    expect(problemsOf(mutated((q) => q.items.splice(0, 1)))).toContain('dimensions[0]: dimension "dim-1" has 2 items; expected at least 3 so that its score is reliable');
  });

  it('refuses a declared language with a missing text, naming the exact place', () => {
    expect(problemsOf(mutated((q) => delete q.items[4].left.sv))).toEqual(['items[4].left.sv: is missing; this field is required']);
  });

  it('refuses a text in a language the file does not declare', () => {
    expect(problemsOf(mutated((q) => (q.title.de = 'Titel'))).join()).toMatch(/^title\.de: is not a known field/);
  });

  it('requires English', () => {
    expect(problemsOf(mutated((q) => (q.languages = ['sv', 'da']))).join()).toMatch(/languages: does not include "en"/);
  });

  it('refuses a scale out of range', () => {
    expect(problemsOf(mutated((q) => (q.scale.points = 11)))).toContain('scale.points: is 11; expected 7 (Shiftmeter uses a 7-point scale)');
  });

  it('refuses a dimension whose statements all put the same pole on the left', () => {
    expect(problemsOf(mutated((q) => q.items.slice(0, 3).forEach((item: any) => (item.leftPole = 'from')))).join()).toMatch(/expected the sides to alternate/);
  });

  it('refuses an empty statement and an over-long one', () => {
    expect(problemsOf(mutated((q) => (q.items[0].right.en = '  ')))).toContain('items[0].right.en: is empty; expected some text');
    expect(problemsOf(mutated((q) => (q.items[0].right.en = 'x'.repeat(201))))).toContain('items[0].right.en: is 201 characters long; expected at most 200');
  });

  it('refuses ids that could clash with object internals', () => {
    expect(problemsOf(mutated((q) => (q.items[0].id = '__proto__'))).join()).toMatch(/items\[0\]\.id: "__proto__" is not valid/);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(mutated((q) => {
      q.version = 0;
      delete q.title.da;
      q.items[2].leftPole = 'left';
    }));
    expect(problems).toHaveLength(3);
  });
});

describe('parseQuestionnaire', () => {
  it('refuses text that is not JSON', () => {
    const result = parseQuestionnaire('{ nope');
    expect(result.ok).toBe(false);
  });

  it('refuses nesting deep enough to crash a naive parser', () => {
    const result = parseQuestionnaire(`{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/nested more than/);
  });
});

describe('format 2: axes, a dimension\'s axis, continuesFrom', () => {
  const profile = () => structuredClone(makeProfileQuestionnaire()) as any;
  const problems = (q: unknown) => problemsOf(q);

  it('accepts a profile questionnaire of format 2', () => {
    expect(problems(makeProfileQuestionnaire())).toEqual([]);
  });

  it('refuses what format 2 adds in a file of format 1, saying to set the format', () => {
    const q = profile();
    q.formatVersion = 1;
    expect(problems(q)).toEqual([
      'axes: is part of format 2; set "formatVersion": 2 (a Shiftmeter that knows only format 1 would refuse the file)',
      ...[0, 1, 2, 3].flatMap((d) => [
        ...(d % 2 === 0 ? [`dimensions[${d}].continuesFrom: is part of format 2; set "formatVersion": 2 (a Shiftmeter that knows only format 1 would refuse the file)`] : []),
        `dimensions[${d}].axis: is part of format 2; set "formatVersion": 2 (a Shiftmeter that knows only format 1 would refuse the file)`,
      ]),
    ]);
  });

  it('refuses continuesFrom that is not an earlier version', () => {
    const q = profile();
    q.dimensions[0].continuesFrom = 2;
    expect(problems(q)).toEqual(['dimensions[0].continuesFrom: is not an earlier version than this file\'s; expected a version from 1 to 1']);
  });

  it('needs every dimension on a declared axis, and at least two dimensions on each axis', () => {
    const missing = profile();
    delete missing.dimensions[3].axis;
    expect(problems(missing)).toEqual([
      'dimensions[3].axis: is missing; with "axes" in the file, every dimension names its axis',
      'axes[1]: axis "certainty" has 1 dimension; expected at least 2',
    ]);
    const unknown = profile();
    unknown.dimensions[0].axis = 'depth';
    expect(problems(unknown).join('\n')).toMatch(/dimensions\[0\]\.axis: names the axis "depth", which this file does not define; expected one of "direction", "certainty"/);
    const noAxes = profile();
    delete noAxes.axes;
    expect(problems(noAxes)).toHaveLength(4);
    expect(problems(noAxes)[0]).toBe('dimensions[0].axis: names an axis, but the file has no "axes"');
  });

  it('refuses a third axis and a repeated axis id', () => {
    const three = profile();
    three.axes.push({ ...three.axes[0], id: 'depth' });
    expect(problems(three).join('\n')).toMatch(/^axes: has 3 entries; expected at most 2/);
    const twice = profile();
    twice.axes[1].id = 'direction';
    expect(problems(twice).join('\n')).toMatch(/axes\[1\]\.id: "direction" is used twice; axis ids must be unique \(first at axes\[0\]\)/);
  });
});

describe('format 2: reflection questions on a dimension', () => {
  const text = (en: string) => ({ en, sv: `${en} (sv)`, da: `${en} (da)` });
  const reflection = () => ({
    singleLoop: text('Which of our routines would we change first?'),
    doubleLoop: text('What do we take for granted about what a good result is?'),
  });
  const withReflection = () => {
    const q = structuredClone(makeProfileQuestionnaire()) as any;
    q.dimensions[0].reflection = reflection();
    return q;
  };

  it('accepts a single-loop and a double-loop question in every declared language', () => {
    expect(problemsOf(withReflection())).toEqual([]);
  });

  it('refuses a question that lacks a declared language, naming the exact place', () => {
    const q = withReflection();
    delete q.dimensions[0].reflection.doubleLoop.da;
    expect(problemsOf(q)).toEqual(['dimensions[0].reflection.doubleLoop.da: is missing; this field is required']);
  });

  it('refuses a question in a language the file does not declare', () => {
    const q = withReflection();
    q.dimensions[0].reflection.singleLoop.de = 'Welche Routine?';
    expect(problemsOf(q).join('\n')).toMatch(/^dimensions\[0\]\.reflection\.singleLoop\.de: is not a known field/);
  });

  it('needs both questions when "reflection" is given, and no other field', () => {
    const one = withReflection();
    delete one.dimensions[0].reflection.singleLoop;
    expect(problemsOf(one)).toEqual(['dimensions[0].reflection.singleLoop: is missing; this field is required']);
    const extra = withReflection();
    extra.dimensions[0].reflection.tripleLoop = text('?');
    expect(problemsOf(extra).join('\n')).toMatch(/^dimensions\[0\]\.reflection\.tripleLoop: is not a known field/);
  });

  it('refuses an empty question and one over the limit', () => {
    const long = withReflection();
    long.dimensions[0].reflection.singleLoop.sv = 'x'.repeat(TEXT_LIMITS.reflection + 1);
    expect(problemsOf(long)).toEqual([`dimensions[0].reflection.singleLoop.sv: is ${TEXT_LIMITS.reflection + 1} characters long; expected at most ${TEXT_LIMITS.reflection}`]);
    const blank = withReflection();
    blank.dimensions[0].reflection.doubleLoop.en = ' ';
    expect(problemsOf(blank)).toEqual(['dimensions[0].reflection.doubleLoop.en: is empty; expected some text']);
  });

  it('is part of format 2: a file of format 1 with reflection questions is told to set the format', () => {
    const q = structuredClone(makeQuestionnaire()) as any;
    q.dimensions[1].reflection = reflection();
    expect(problemsOf(q)).toEqual(['dimensions[1].reflection: is part of format 2; set "formatVersion": 2 (a Shiftmeter that knows only format 1 would refuse the file)']);
    q.formatVersion = 2;
    expect(problemsOf(q)).toEqual([]);
  });
});
