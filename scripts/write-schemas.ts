// Writes the published JSON Schema files from the formats' definitions in src/core.
// Run after changing a definition: `npm run schemas`.
import { writeFileSync } from 'node:fs';
import { publishedSchemaFiles, schemaFileText } from '../src/core/formats/schema-files';

for (const { path, schema } of publishedSchemaFiles()) {
  writeFileSync(new URL(`../${path}`, import.meta.url), schemaFileText(schema));
  console.log(`wrote ${path}`);
}
