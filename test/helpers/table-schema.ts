import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads a CSV resource of a Data Package back the way a Table Schema says: every cell
 * parsed as its field's type (https://datapackage.org/standard/table-schema/), missing
 * values and constraints checked, primary keys unique. Problems are collected, not
 * thrown, so a test can show them all.
 */

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; unique?: boolean; minimum?: number; maximum?: number; enum?: unknown[]; pattern?: string };
}

export interface Resource {
  name: string;
  path: string;
  schema: { fields: Field[]; missingValues?: string[]; primaryKey?: string[] };
}

export type Value = string | number | boolean | null;

/** RFC 4180: fields split on commas, quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseValue(field: Field, text: string): { value: Value } | { problem: string } {
  switch (field.type) {
    case 'string':
      return { value: text };
    case 'integer':
      return INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? { value: Number(text) } : { problem: 'is not an integer' };
    case 'number':
      if (text === 'NaN') return { value: NaN };
      if (text === 'INF' || text === '-INF') return { value: text === 'INF' ? Infinity : -Infinity };
      return NUMBER.test(text) ? { value: Number(text) } : { problem: 'is not a number' };
    case 'boolean': {
      const trueValues = field.trueValues ?? ['true', 'True', 'TRUE', '1'];
      const falseValues = field.falseValues ?? ['false', 'False', 'FALSE', '0'];
      if (trueValues.includes(text)) return { value: true };
      if (falseValues.includes(text)) return { value: false };
      return { problem: 'is not a boolean' };
    }
    default:
      return { problem: `has a type this reader does not know: ${String(field.type)}` };
  }
}

export function readResource(dir: string, resource: Resource): { header: string[]; rows: Record<string, Value>[]; problems: string[] } {
  const [header = [], ...lines] = parseCsv(readFileSync(path.join(dir, resource.path), 'utf8'));
  const { fields, missingValues = [''], primaryKey = [] } = resource.schema;
  const problems: string[] = [];
  if (header.join() !== fields.map((f) => f.name).join()) problems.push(`${resource.path}: header ${header.join()} is not the schema's fields ${fields.map((f) => f.name).join()}`);
  const seen = new Map<string, Set<string>>();
  const rows = lines.map((cells, index) => {
    const where = `${resource.path} row ${index + 2}`;
    if (cells.length !== fields.length) problems.push(`${where}: ${cells.length} cells, ${fields.length} fields`);
    const row: Record<string, Value> = {};
    fields.forEach((field, column) => {
      const text = cells[column] ?? '';
      const { required, unique, minimum, maximum, enum: allowed, pattern } = field.constraints ?? {};
      if (missingValues.includes(text)) {
        if (required) problems.push(`${where}: ${field.name} is required and missing`);
        row[field.name] = null;
        return;
      }
      const parsed = parseValue(field, text);
      if ('problem' in parsed) {
        problems.push(`${where}: ${field.name} "${text}" ${parsed.problem}`);
        return;
      }
      const value = parsed.value;
      row[field.name] = value;
      if (typeof value === 'number' && minimum !== undefined && value < minimum) problems.push(`${where}: ${field.name} ${value} is below ${minimum}`);
      if (typeof value === 'number' && maximum !== undefined && value > maximum) problems.push(`${where}: ${field.name} ${value} is above ${maximum}`);
      if (allowed && !allowed.includes(value)) problems.push(`${where}: ${field.name} "${text}" is not one of the allowed values`);
      if (pattern !== undefined && !new RegExp(`^(?:${pattern})$`).test(text)) problems.push(`${where}: ${field.name} "${text}" does not match ${pattern}`);
      if (unique) {
        const values = seen.get(field.name) ?? new Set();
        if (values.has(text)) problems.push(`${where}: ${field.name} "${text}" is not unique`);
        seen.set(field.name, values.add(text));
      }
    });
    return row;
  });
  const keys = new Set<string>();
  for (const row of rows) {
    const key = JSON.stringify(primaryKey.map((name) => row[name]));
    if (primaryKey.length > 0 && keys.has(key)) problems.push(`${resource.path}: primary key ${key} repeats`);
    keys.add(key);
  }
  return { header, rows, problems };
}
