import Ajv from 'ajv';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { towardsTo } from '../../src/core/analysis/orientation';
import { parseKitFile } from '../../src/core/kit-file';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { answersOfResponse } from '../../src/core/round/figure-sums';
import { parseResponse, type AnonymisedResponse } from '../../src/core/round/response';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { kit, kitWorkspace, ROOT, simulateInto as simulate } from '../helpers/kit';
import { readResource, type Resource, type Value } from '../helpers/table-schema';

const workspace = kitWorkspace('export');
const profile = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/datapackage/datapackage-2.0.schema.json'), 'utf8')) as object;
// The profile carries keywords of its own (propertyOrder, context) and formats such as "textarea": not strict, formats unchecked.
const validatePackage = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(profile);

function shipped(file: string): Questionnaire {
  const parsed = parseKitFile(readFileSync(path.join(ROOT, 'questionnaires', file), 'utf8'));
  if (!parsed.ok || parsed.file.kind !== 'questionnaire') throw new Error(`${file} is not a questionnaire`);
  return parsed.file.questionnaire;
}

function responsesIn(dir: string): AnonymisedResponse[] {
  return readdirSync(dir).sort().map((name) => {
    const parsed = parseResponse(readFileSync(path.join(dir, name), 'utf8'));
    if (!parsed.ok) throw new Error(`${name} is not a response`);
    return parsed.value;
  });
}

interface Descriptor { $schema: string; created: string; resources: (Resource & { name: string })[] }

/** The package's descriptor, checked against the standard's profile, and every table read back with its schema. */
function readPackage(dir: string) {
  const descriptor = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as Descriptor;
  expect(validatePackage(descriptor), JSON.stringify(validatePackage.errors, null, 2)).toBe(true);
  expect(new Date(descriptor.created).toISOString()).toBe(descriptor.created);
  const tables: Record<string, Record<string, Value>[]> = {};
  for (const resource of descriptor.resources) {
    const { rows, problems } = readResource(dir, resource);
    expect(problems, resource.name).toEqual([]);
    tables[resource.name] = rows;
  }
  return { descriptor, tables };
}

describe('shiftmeter export', { timeout: 30_000 }, () => {
  let work: string;
  beforeAll(() => void (work = workspace()));

  it('writes a Data Package that the standard\'s profile accepts, whose tables read back with their declared types', () => {
    const responses = path.join(work, 'v2');
    simulate(responses, 'production-service', 60, 12);
    const dir = path.join(work, 'package-v2');
    const run = kit('export', responses, '--out', dir, '--include-responses');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`wrote team-figures.csv, items.csv, dimensions.csv, responses.csv, scores.csv, datapackage.json to ${dir} (production-service version 2, round sim-12: 60 responses)\n`);
    expect(run.stderr).toBe('shiftmeter: responses.csv and scores.csv hold each person\'s answers and scores: they identify people as much as the response files do. Keep and share them only as you keep those files; team-figures.csv is the table to publish.\n');
    const { descriptor, tables } = readPackage(dir);
    expect(descriptor.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(descriptor.resources.map((r) => r.name)).toEqual(['team-figures', 'items', 'dimensions', 'responses', 'scores']);
    expect(readdirSync(dir).sort()).toEqual(['datapackage.json', 'dimensions.csv', 'items.csv', 'responses.csv', 'scores.csv', 'team-figures.csv']);

    // The 1–7 scale, with its poles in every language of the questionnaire.
    const questionnaire = shipped('production-service.json');
    const value = descriptor.resources[3]!.schema.fields.find((f) => f.name === 'value') as unknown as Record<string, unknown>;
    expect(value.constraints).toEqual({ minimum: 1, maximum: 7 });
    expect(value['shiftmeter:scale']).toEqual({ 1: questionnaire.poles.from, 7: questionnaire.poles.to });
    for (const lang of ['en', 'sv', 'da']) expect(value.description).toContain(`"${questionnaire.poles.to[lang]}" (${lang})`);

    // Numbers round-trip: each table holds exactly what the kit computes.
    const team = JSON.parse(kit('aggregate', responses).stdout);
    expect(tables['team-figures']).toEqual([
      ...team.dimensions.map((d: Record<string, number | null>) => ({ dimension: d.id, n: d.n, mean: d.mean, wanted_n: d.wantedN, wanted_mean: d.wantedMean })),
      { dimension: 'overall', n: 60, mean: team.overall.mean, wanted_n: null, wanted_mean: null },
    ]);
    const byId = [...responsesIn(responses)].sort((a, b) => (a.response < b.response ? -1 : 1));
    expect(tables.responses).toEqual(byId.flatMap((r) => questionnaire.items.map((item) => ({
      response: r.response,
      item: item.id,
      dimension: item.dimension,
      value: item.id in r.answers ? towardsTo(item, r.answers[item.id]!) : null,
      not_applicable: !(item.id in r.answers),
      wanted: item.id in r.wanted ? towardsTo(item, r.wanted[item.id]!) : null,
    }))));
    expect(tables.scores).toEqual(byId.flatMap((r) => scoreQuestionnaire(questionnaire, answersOfResponse(questionnaire, r)).dimensions.map((d) => ({
      response: r.response, dimension: d.dimension, now: d.now, wanted: d.wanted, gap: d.gap, answered_items: d.answered, items: d.total,
    }))));
    expect(tables.items!.map((i) => [i.item, i.left_pole, i.right_sv])).toEqual(questionnaire.items.map((i) => [i.id, i.leftPole, i.right.sv]));

    // Every foreign key resolves.
    const itemIds = new Set(tables.items!.map((i) => i.item));
    const dimensionIds = new Set(tables.dimensions!.map((d) => d.dimension));
    for (const row of tables.responses!) expect(itemIds.has(row.item!)).toBe(true);
    for (const row of [...tables.items!, ...tables.scores!]) expect(dimensionIds.has(row.dimension!)).toBe(true);
  });

  it('checks its descriptors against a profile that does refuse a broken one', () => {
    const descriptor = JSON.parse(readFileSync(path.join(work, 'package-v2', 'datapackage.json'), 'utf8')) as Descriptor;
    const broken = structuredClone(descriptor);
    (broken.resources[0]!.schema.fields[1] as { type: string }).type = 'integr';
    expect(validatePackage(broken)).toBe(false);
    expect(validatePackage({ ...descriptor, resources: [] })).toBe(false);
    expect(validatePackage({ ...descriptor, resources: [{ ...descriptor.resources[0]!, path: '../outside.csv' }] })).toBe(false);
  });

  it('leaves the raw tables out without --include-responses, and applies the minimum group to the team figures', () => {
    const responses = path.join(work, 'four');
    simulate(responses, 'production-service', 4, 3);
    const dir = path.join(work, 'package-four');
    const run = kit('export', responses, '--out', dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('shiftmeter: 4 responses, fewer than the minimum group of 5: no figures are shown\n');
    expect(readdirSync(dir).sort()).toEqual(['datapackage.json', 'dimensions.csv', 'items.csv', 'team-figures.csv']);
    expect(readFileSync(path.join(dir, 'team-figures.csv'), 'utf8')).toBe('dimension,n,mean,wanted_n,wanted_mean\noverall,4,,,\n');
    const { descriptor } = readPackage(dir);
    expect(descriptor.resources.map((r) => r.name)).toEqual(['team-figures', 'items', 'dimensions']);
  });

  it('exports a questionnaire of format 1: no "does not apply", wanted per dimension in the scores only', () => {
    const responses = path.join(work, 'v1');
    simulate(responses, 'production-service@1', 12, 5);
    const dir = path.join(work, 'package-v1');
    expect(kit('export', responses, '--out', dir, '--include-responses').code).toBe(0);
    const { tables } = readPackage(dir);
    expect(tables.responses!.every((row) => row.not_applicable === false && row.wanted === null)).toBe(true);
    expect(tables.responses!.some((row) => row.value === null)).toBe(true);
    expect(tables.scores!.some((row) => typeof row.wanted === 'number')).toBe(true);
  });

  it('writes only into a new or empty folder, and needs --out', () => {
    const full = path.join(work, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'responses.csv'), 'from an earlier export');
    const run = kit('export', path.join(work, 'four'), '--out', full);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${full}: is not empty; the export writes into a new or empty folder, so that no table of an earlier export is left beside it\n`);
    expect(existsSync(path.join(full, 'datapackage.json'))).toBe(false);
    const file = path.join(full, 'responses.csv');
    expect(kit('export', path.join(work, 'four'), '--out', file).stderr).toBe(`${file}: is not a folder; --out names a new or empty folder for the data package\n`);
    const usage = kit('export', path.join(work, 'four'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^shiftmeter: export needs --out DIR, a new or empty folder for the data package\n\nUsage:/);
  });
});
