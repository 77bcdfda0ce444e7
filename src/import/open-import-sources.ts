import { openCsvTable } from './csv-table';
import {
  ACTOR_CSV_COLUMNS,
  INTERACTION_CSV_COLUMNS,
  REQUIRED_ACTOR_FIELDS,
  REQUIRED_INTERACTION_FIELDS,
  type ImportFormat,
} from './import-format';
import { ImportFileError } from './import-problem';
import type { ImportSources } from './import-rows';
import { openJsonDocument, type JsonDocument } from './json-document';

export interface ImportFiles {
  readonly format: ImportFormat;
  /** CSV: the actors table. JSON: a document whose "actors" array is used. */
  readonly actors?: string | null;
  /** CSV: the interactions table. JSON: a document whose "interactions" array is used. */
  readonly interactions?: string | null;
  /** JSON only: one document holding both arrays. */
  readonly document?: string | null;
}

/**
 * Opens the files of an import: checks they exist and, for CSV, that each header has the
 * required columns; throws ImportFileError (one line) otherwise, before any row is read.
 */
export async function openImportSources(files: ImportFiles): Promise<ImportSources> {
  if (files.format === 'csv') {
    if (files.document) {
      throw new ImportFileError(
        files.document,
        'a single document is a JSON import: add --format json, or give CSV files with --actors and --interactions',
      );
    }
    if (!files.actors && !files.interactions) throw new Error('Nothing to import: give --actors and/or --interactions');
    return {
      actors: files.actors ? await openCsvTable(files.actors, ACTOR_CSV_COLUMNS, REQUIRED_ACTOR_FIELDS) : null,
      interactions: files.interactions
        ? await openCsvTable(files.interactions, INTERACTION_CSV_COLUMNS, REQUIRED_INTERACTION_FIELDS)
        : null,
    };
  }
  if (!files.actors && !files.interactions && !files.document) {
    throw new Error('Nothing to import: give a JSON document, or --actors and/or --interactions');
  }
  const documents = new Map<string, JsonDocument>();
  const load = async (file: string): Promise<JsonDocument> => {
    let document = documents.get(file);
    if (!document) {
      document = await openJsonDocument(file);
      documents.set(file, document);
    }
    return document;
  };
  const whole = files.document ? await load(files.document) : null;
  const actorsDocument = files.actors ? await load(files.actors) : null;
  const interactionsDocument = files.interactions ? await load(files.interactions) : null;
  if (files.actors && !actorsDocument?.actors) throw new ImportFileError(files.actors, 'has no "actors" array');
  if (files.interactions && !interactionsDocument?.interactions) {
    throw new ImportFileError(files.interactions, 'has no "interactions" array');
  }
  return {
    actors: actorsDocument?.actors ?? whole?.actors ?? null,
    interactions: interactionsDocument?.interactions ?? whole?.interactions ?? null,
  };
}
