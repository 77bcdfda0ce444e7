import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { buildCopnetSchema, printCopnetSchema } from '../src/graphql/schema';

/** `npm run schema:print`: rewrites schema/schema.graphql from the running schema. */
export const SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'schema.graphql');

buildCopnetSchema().then(
  (schema) => {
    writeFileSync(SCHEMA_FILE, printCopnetSchema(schema));
    console.log(`wrote ${SCHEMA_FILE}`);
  },
  (error: unknown) => {
    console.error('schema:print failed', error);
    process.exit(1);
  },
);
