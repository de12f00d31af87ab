import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKitFile } from '../../src/core/kit-file';
import { describeProblem } from '../../src/core/problems';
import { itemsOf, type Questionnaire } from '../../src/core/questionnaire/types';
import { QUESTIONNAIRE_DIR, shippedQuestionnaireFiles } from '../helpers/shipped-files';

const FILES = shippedQuestionnaireFiles();

/** Each shipped file, read as the kit and the extension read it. */
const SHIPPED = FILES.map((file) => {
  const parsed = parseKitFile(file.text);
  return { ...file, parsed, questionnaire: parsed.ok && parsed.file.kind === 'questionnaire' ? parsed.file.questionnaire : (null as unknown as Questionnaire) };
});

describe.each(SHIPPED.map((file) => [file.name, file] as const))('shipped questionnaire %s', (name, file) => {
  it('is valid', () => {
    expect(file.parsed.ok ? [] : file.parsed.problems.map(describeProblem)).toEqual([]);
    expect(file.parsed.ok && file.parsed.file.kind).toBe('questionnaire');
  });

  it('is named after its id and points editors at the schema', () => {
    expect(name).toBe(`${file.questionnaire.id}.json`);
    expect((JSON.parse(file.text) as { $schema?: string }).$schema).toBe('./schema.json');
  });

  it('has 6 to 10 dimensions, each with at least 3 items', () => {
    const { dimensions } = file.questionnaire;
    expect(dimensions.length).toBeGreaterThanOrEqual(6);
    expect(dimensions.length).toBeLessThanOrEqual(10);
    for (const dimension of dimensions) expect(itemsOf(file.questionnaire, dimension.id).length, dimension.id).toBeGreaterThanOrEqual(3);
  });

  it('is given in exactly English, Swedish and Danish', () => {
    expect([...file.questionnaire.languages]).toEqual(['en', 'sv', 'da']);
  });

  it('names two different poles, in every language', () => {
    for (const language of file.questionnaire.languages) {
      expect(file.questionnaire.poles.from[language], language).not.toBe(file.questionnaire.poles.to[language]);
    }
  });
});

/** Read aloud in a team meeting from a small popup: one sentence, about 140 characters (the format allows more). */
const REFLECTION_AIM = 140;

describe.each(SHIPPED.map((file) => [file.name, file] as const))('reflection questions in %s', (_name, file) => {
  it('give every dimension one single-loop and one double-loop question in English, Swedish and Danish', () => {
    for (const dimension of file.questionnaire.dimensions) {
      expect(dimension.reflection, dimension.id).toBeDefined();
      for (const loop of ['singleLoop', 'doubleLoop'] as const) {
        expect(Object.keys(dimension.reflection![loop]).sort(), `${dimension.id}.${loop}`).toEqual(['da', 'en', 'sv']);
      }
    }
  });

  it('ask one short open question each, and never the same one twice', () => {
    const seen = new Set<string>();
    for (const dimension of file.questionnaire.dimensions) {
      for (const loop of ['singleLoop', 'doubleLoop'] as const) {
        for (const [language, question] of Object.entries(dimension.reflection![loop])) {
          const where = `${dimension.id}.${loop}.${language}`;
          expect(question.trim().endsWith('?'), where).toBe(true);
          expect(question.match(/\?/g)?.length, `${where}: one question`).toBe(1);
          expect([...question].length, where).toBeLessThanOrEqual(REFLECTION_AIM);
          expect(seen.has(question), `${where} repeats another question`).toBe(false);
          seen.add(question);
        }
      }
    }
  });
});

describe('the shipped questionnaires together', () => {
  it('are all there (six at least)', () => {
    expect(SHIPPED.length).toBeGreaterThanOrEqual(6);
  });

  it('have ids unique across files', () => {
    const ids = SHIPPED.map((file) => file.questionnaire.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('each contrast a different pair of poles', () => {
    const pairs = SHIPPED.map(({ questionnaire: q }) => `${q.poles.from.en} / ${q.poles.to.en}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('are each in the catalog the build bundles into the extension', async () => {
    const build = (await import(pathToFileURL(path.resolve(QUESTIONNAIRE_DIR, '../build.mjs')).href)) as {
      questionnaireFiles(): Promise<{ name: string; data: { id: string; version: number } }[]>;
    };
    const catalog = await build.questionnaireFiles();
    const catalogued = catalog.map(({ data }) => `${data.id}@${data.version}`).sort();
    expect(catalogued).toEqual(SHIPPED.map(({ questionnaire: q }) => `${q.id}@${q.version}`).sort());
  });
});
