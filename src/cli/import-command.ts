import { Command } from 'commander';
import { loadConfig } from '../config';
import { InvalidInputError, StoreUnavailableError } from '../domain/errors';
import { IMPORT_FORMATS, type ImportFormat } from '../import/import-format';
import { ImportFileError, formatProblem } from '../import/import-problem';
import { importRows, type ImportResult, type TableCounts } from '../import/import-rows';
import { openImportSources } from '../import/open-import-sources';
import { openConfiguredStore } from '../store/open-store';
import type { Store } from '../store/store';
import { once, oneOf, onceOver } from './option-once';

/**
 * `copnet import`: loads actors and interactions from CSV files (or a JSON document) into
 * the configured store. Every problem is printed on its own line to stderr, and so is each
 * warning (`warning: …`: columns ignored, a new actor named as another); the counts go to
 * stdout. Exit code 0 when every row was good (warnings or not), 1 when any problem was found
 * (with --skip-invalid, after writing the good rows) or the files could not be used.
 */

export interface ImportCommandOptions {
  readonly actors?: string;
  readonly interactions?: string;
  readonly format: ImportFormat;
  readonly skipInvalid?: boolean;
}

export interface ImportCommandDeps {
  /** The store to write to; the configured one (COPNET_STORE, COPNET_DB_PATH, …) by default. */
  readonly openStore?: () => Promise<Store>;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
}

export function registerImportCommand(program: Command, deps: ImportCommandDeps = {}): Command {
  return program
    .command('import')
    .description('Import actors and interactions from CSV files (or one JSON document) into the store')
    .argument('[document]', 'with --format json: one document with "actors" and "interactions" arrays')
    .option('--actors <file>', 'actors: id,name,kind,region,tags,affiliation_id (tags separated by ;)', once)
    .option('--interactions <file>', 'interactions: external_id,kind,occurred_at,initiator_id,participant_ids,weight,note', once)
    .option('--format <format>', `file format (choices: ${IMPORT_FORMATS.join(', ')})`, onceOver(oneOf(IMPORT_FORMATS)), 'csv')
    .option('--skip-invalid', 'write the valid rows even if some are bad (the bad ones are still reported)', false)
    .action(async (document: string | undefined, options: ImportCommandOptions) => {
      process.exitCode = await runImportCommand(document ?? null, options, deps);
    });
}

/** Runs one import; returns the exit code. */
export async function runImportCommand(
  document: string | null,
  options: ImportCommandOptions,
  deps: ImportCommandDeps = {},
): Promise<number> {
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!options.actors && !options.interactions && !document) {
    err('copnet import: nothing to import; give --actors <file> and/or --interactions <file> (CSV), or --format json <document>');
    return 1;
  }
  if (document && options.format !== 'json') {
    err(
      `copnet import: ${document}: a single document is a JSON import; add --format json, or give CSV files with --actors and --interactions`,
    );
    return 1;
  }

  let store: Store | null = null;
  try {
    const sources = await openImportSources({
      format: options.format,
      actors: options.actors,
      interactions: options.interactions,
      document,
    });
    store = await (deps.openStore ?? (async () => openConfiguredStore(loadConfig())))();
    const result = await importRows(store, sources, {
      skipInvalid: options.skipInvalid ?? false,
      onProblem: (problem) => err(formatProblem(problem)),
      // Printed, but no reason to fail: the exit code stays 0.
      onWarning: (warning) => err(`warning: ${formatProblem(warning)}`),
    });
    if (result.actors && sources.actors) out(summaryLine('Actors', sources.actors.file, result.actors));
    if (result.interactions && sources.interactions) out(summaryLine('Interactions', sources.interactions.file, result.interactions));
    if (result.problemCount === 0) return 0;
    err(closingLine(result, (result.actors?.skipped ?? 0) + (result.interactions?.skipped ?? 0)));
    return 1;
  } catch (error) {
    if (error instanceof ImportFileError) {
      err(error.message);
      err('Nothing written.');
      return 1;
    }
    if (error instanceof InvalidInputError) {
      // A rule only the store can check (e.g. one about data already stored).
      err(`copnet import: the store refused a batch: ${error.message}`);
      err(RERUN_HINT);
      return 1;
    }
    if (error instanceof StoreUnavailableError) {
      err(`copnet import: ${error.message}`);
      err(RERUN_HINT);
      return 1;
    }
    if (error instanceof Error && error.name === 'ConfigError') {
      err(`copnet import: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
}

const RERUN_HINT = 'Batches written before the failure stay; once it is fixed, run the same import again: nothing is written twice.';

function summaryLine(table: string, file: string, counts: TableCounts): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `${table} (${file}): ${n(counts.read)} read, ${n(counts.written)} written, ${n(counts.skipped)} skipped, ${n(counts.alreadyPresent)} already present${
    counts.alreadyPresentDifferent > 0
      ? `, ${n(counts.alreadyPresentDifferent)} already present, different (stored data kept; correct it with updateInteraction)`
      : ''
  }`;
}

function closingLine(result: ImportResult, badRows: number): string {
  const problems = `${result.problemCount} problem${result.problemCount === 1 ? '' : 's'} in ${badRows} row${badRows === 1 ? '' : 's'}`;
  return result.wrote
    ? `${problems}: those rows were skipped, the others written.`
    : `Nothing written: ${problems}. Fix them and import again, or add --skip-invalid to write the valid rows.`;
}
