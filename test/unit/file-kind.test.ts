import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recogniseFile } from '../../src/core/file-kind';

describe('recogniseFile', () => {
  it('tells the kinds of file a person may choose in the wrong place', () => {
    expect(recogniseFile(readFileSync('questionnaires/pack-cafe.json', 'utf8'))).toBe('course-pack');
    expect(recogniseFile(readFileSync('questionnaires/production-service.json', 'utf8'))).toBe('questionnaire');
    expect(recogniseFile('{"format":"shiftmeter-backup","records":{}}')).toBe('backup');
    expect(recogniseFile('\uFEFF{"format":"shiftmeter-response"}')).toBe('response');
    expect(recogniseFile('  SMR2.abc.00000000\n')).toBe('response-code');
    expect(recogniseFile('SMI1.abc.00000000')).toBe('invitation');
    expect(recogniseFile('{"foo":2}')).toBe('json');
    expect(recogniseFile('[1,2]')).toBe('json');
    expect(recogniseFile('hello')).toBe('not-json');
    expect(recogniseFile('')).toBe('not-json');
  });
});
