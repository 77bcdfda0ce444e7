import { readFile } from 'node:fs/promises';
import { ImportFileError } from './import-problem';
import type { ActorField, InteractionField } from './import-format';
import type { RowSource, SourceRow } from './row-source';

/**
 * A JSON import document: `{ "actors": [...], "interactions": [...] }` (either array may be
 * absent), objects with the GraphQL input field names. The document is parsed whole, so
 * its size is bounded by memory: CSV is the format for very large imports.
 */
export interface JsonDocument {
  readonly actors: RowSource<ActorField> | null;
  readonly interactions: RowSource<InteractionField> | null;
}

const ACTOR_FIELDS: readonly ActorField[] = ['id', 'name', 'kind', 'region', 'tags', 'affiliationId'];
const INTERACTION_FIELDS: readonly InteractionField[] = [
  'externalId',
  'kind',
  'occurredAt',
  'initiatorId',
  'participantIds',
  'weight',
  'note',
];

export async function openJsonDocument(file: string): Promise<JsonDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportFileError(file, 'does not exist');
    if (code === 'EISDIR') throw new ImportFileError(file, 'is a directory, not a file');
    throw error;
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ImportFileError(file, 'must be a JSON object with "actors" and/or "interactions" arrays');
  }
  const { actors, interactions } = document as Record<string, unknown>;
  if (actors === undefined && interactions === undefined) {
    throw new ImportFileError(file, 'has neither an "actors" nor an "interactions" array');
  }
  return {
    actors: table(file, 'actors', actors, ACTOR_FIELDS),
    interactions: table(file, 'interactions', interactions, INTERACTION_FIELDS),
  };
}

function table<F extends string>(file: string, name: string, value: unknown, fields: readonly F[]): RowSource<F> | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw new ImportFileError(file, `"${name}" must be an array`);
  return {
    file,
    columnOf: (field) => field,
    async scan(onRow) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
        const cells = {} as Record<F, unknown>;
        for (const field of fields) cells[field] = isObject ? (item as Record<string, unknown>)[field] : undefined;
        const row: SourceRow<F> = {
          ordinal: i,
          line: null,
          path: `${name}[${i}]`,
          cells,
          rowProblem: isObject ? null : 'is not an object',
        };
        const pending = onRow(row);
        if (pending) await pending;
      }
    },
  };
}
