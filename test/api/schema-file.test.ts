import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCopnetSchema, printCopnetSchema } from '../../src/graphql/schema';

it('schema/schema.graphql is the printed SDL of the running schema (npm run schema:print rewrites it)', async () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(printCopnetSchema(await buildCopnetSchema())).toBe(committed);
});
