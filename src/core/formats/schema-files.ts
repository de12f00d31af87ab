import { BACKUP_SCHEMA_HEADER, BackupFormat } from '../backup/backup-format';
import { RESPONSE_SCHEMA_HEADER, ResponseFormat } from '../round/response-format';
import { COURSE_PACK_SCHEMA_HEADER, CoursePackFormat } from '../pack/format';
import { MANAGED_SCHEMA_PATH, managedSchema } from '../policy/managed-schema';
import { QUESTIONNAIRE_SCHEMA_HEADER, QuestionnaireFormat } from '../questionnaire/format';
import { publishSchema } from './publish-schema';

/**
 * The JSON Schema files published for authors' editors, and the extension's managed
 * storage schema, each generated from its format's one definition (`npm run schemas`
 * writes them; a unit test fails when a checked-in file differs from what its
 * definition gives).
 */
export function publishedSchemaFiles(): { path: string; schema: object }[] {
  return [
    { path: 'questionnaires/schema.json', schema: publishSchema(QuestionnaireFormat, QUESTIONNAIRE_SCHEMA_HEADER) },
    { path: 'questionnaires/course-pack.schema.json', schema: publishSchema(CoursePackFormat, COURSE_PACK_SCHEMA_HEADER) },
    { path: 'docs/schemas/response.schema.json', schema: publishSchema(ResponseFormat, RESPONSE_SCHEMA_HEADER) },
    { path: 'docs/schemas/backup.schema.json', schema: publishSchema(BackupFormat, BACKUP_SCHEMA_HEADER) },
    // Not for editors: the organisation policy's schema in the subset Chrome reads (manifest.json, "storage").
    { path: MANAGED_SCHEMA_PATH, schema: managedSchema() },
  ];
}

/** A schema file's text as written: two-space indents and a final line break, as editors save JSON. */
export function schemaFileText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
