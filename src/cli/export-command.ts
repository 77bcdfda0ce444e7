import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { InvalidInputError, StoreUnavailableError } from '../domain/errors';
import { EXPORT_FORMATS, filenameOf } from '../export/export-format';
import { parseExportQuery, type ExportQuery, type ExportQueryText } from '../services/export-query';
import type { ExportDownload } from '../services/export-service';
import { createServices } from '../services/services';
import { STEPS } from '../metrics/series';
import { openConfiguredStore } from '../store/open-store';
import type { Store } from '../store/store';
import { parseWithFlags, WINDOW_FLAGS, windowQueryText, type WindowOptions } from './window-flags';
import { once } from './option-once';

/**
 * `copnet export --format <format> --from <date> --to <date> [scope] [--step … for series
 * formats] [--out <file>]`: computes the snapshot (or series) from the configured store and
 * writes it as GEXF, dynamic GEXF, GraphML, CSV (zip or one file), the metric series as
 * CSV, or graphology JSON (src/export/). Without --out the file is named after the window
 * (e.g. copnet-2019-08-01_2020-08-01.gexf) in the current directory.
 *
 * Bad input — unknown format, `from` not before `to`, a bad kind or step, an --out that
 * cannot be written — ends in one line on stderr, exit code 1, and no file. The export is
 * written to a temporary file next to --out and renamed into place only once complete, so
 * a failure midway never leaves a truncated file either.
 */

export interface ExportCommandOptions extends WindowOptions {
  readonly format?: string;
  readonly gexfVersion?: string;
  readonly out?: string;
}

export interface ExportCommandDeps {
  /** The store to read; the configured one (COPNET_STORE, COPNET_DB_PATH, …) by default. */
  readonly openStore?: () => Promise<Store>;
  /** Directory a missing --out is resolved against; the working directory by default. */
  readonly cwd?: string;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
}

/** CLI flag for each parameter parseExportQuery names in its errors. */
const FLAGS: Readonly<Record<string, string>> = { format: '--format', ...WINDOW_FLAGS, version: '--gexf-version' };

export function registerExportCommand(program: Command, deps: ExportCommandDeps = {}): Command {
  return program
    .command('export')
    .description(
      'Export a window (or, for gexf-dynamic and csv-series, a series of windows) for Gephi, NetworkX, igraph, R or a spreadsheet',
    )
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, once)
    .requiredOption('--from <date>', 'start of the window or series, included (ISO 8601, e.g. 2019-08-01)', once)
    .requiredOption('--to <date>', 'end of the window or series, excluded', once)
    .option('--actor-kinds <kinds>', 'only these actor kinds, comma-separated (e.g. INTERMEDIARY,SCHOOL)', once)
    .option('--interaction-kinds <kinds>', 'only these interaction kinds, comma-separated', once)
    .option('--co-participation-limit <n>', 'tie participants of interactions with at most n participants (0: never)', once)
    .option('--step <step>', `series formats: ${STEPS.join(', ')}`, once)
    .option('--window-size <n>', 'series formats: steps per window (default 1)', once)
    .option('--expanding', 'series formats: every window starts at --from')
    .option('--gexf-version <version>', 'gexf and gexf-dynamic: 1.3 (default) or 1.2, for networkx releases before 3.5', once)
    .option('--out <file>', 'where to write (default: a file named after the window, in the current directory)', once)
    .action(async (options: ExportCommandOptions) => {
      process.exitCode = await runExportCommand(options, deps);
    });
}

/** Runs one export; returns the exit code. */
export async function runExportCommand(options: ExportCommandOptions, deps: ExportCommandDeps = {}): Promise<number> {
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  let temp: string | null = null;
  let store: Store | null = null;
  let services: ReturnType<typeof createServices> | null = null;
  try {
    const query = parseQuery(options);
    const target = resolve(deps.cwd ?? process.cwd(), options.out ?? filenameOf(query.format, spanOf(query)));
    temp = await reserveTempFile(target, options.out ?? target);

    store = await (deps.openStore ?? (async () => openConfiguredStore(loadConfig())))();
    services = createServices(store);
    const download: ExportDownload = await services.exports.export(query);
    await pipeline(download.body, createWriteStream(temp));
    await rename(temp, target);
    temp = null;
    const { size } = await stat(target);
    out(`copnet export: wrote ${query.format} of ${describeSpan(query)} to ${target} (${size.toLocaleString('en-US')} bytes)`);
    return 0;
  } catch (error) {
    if (
      error instanceof InvalidInputError ||
      error instanceof StoreUnavailableError ||
      (error instanceof Error && error.name === 'ConfigError')
    ) {
      err(`copnet export: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    if (temp !== null) await rm(temp, { force: true });
    await services?.close();
    await store?.close();
  }
}

function parseQuery(options: ExportCommandOptions): ExportQuery {
  const text: ExportQueryText = { format: options.format, ...windowQueryText(options), version: options.gexfVersion };
  return parseWithFlags(FLAGS, () => parseExportQuery(text));
}

function spanOf(query: ExportQuery) {
  return query.kind === 'snapshot' ? query.window : { from: query.series.from, to: query.series.to };
}

function describeSpan(query: ExportQuery): string {
  const span = spanOf(query);
  const window = `[${span.from.toISOString()}, ${span.to.toISOString()})`;
  return query.kind === 'snapshot' ? `the window ${window}` : `the ${query.series.step} series over ${window}`;
}

/**
 * Creates an empty temporary file next to `target`, proving the directory is writable
 * before any work is done. Errors name --out and the file as the user gave it.
 */
async function reserveTempFile(target: string, given: string): Promise<string> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new InvalidInputError('--out', given, 'is a directory; name a file');
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await (await open(temp, 'wx')).close();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    const why =
      reason === 'ENOENT'
        ? 'is in a directory that does not exist'
        : reason === 'EACCES' || reason === 'EPERM' || reason === 'EROFS'
          ? 'is in a directory copnet cannot write to'
          : `cannot be written (${reason})`;
    throw new InvalidInputError('--out', given, why);
  }
  return temp;
}
