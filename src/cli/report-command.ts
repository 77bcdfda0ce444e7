import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { InvalidInputError, StoreUnavailableError, WorkLimitError } from '../domain/errors';
import { STEPS } from '../metrics/series';
import { parseReportQuery } from '../services/report-query';
import { reportFilename, ReportService, type ReportRequest } from '../services/report-service';
import { createServices } from '../services/services';
import { openConfiguredStore } from '../store/open-store';
import type { Store } from '../store/store';
import { parseWithFlags, WINDOW_FLAGS, windowQueryText, type WindowOptions } from './window-flags';
import { once } from './option-once';

/**
 * `copnet report --from <date> --to <date> --step SCHOOL_YEAR [scope] [--title …] [--out report.html]`:
 * the school-year report (the same document as GET /report) from the configured store.
 * Bad input ends in one line on stderr naming the flag, exit code 1, and no file; the
 * report is written next to --out and renamed into place once complete.
 */
export interface ReportCommandOptions extends WindowOptions {
  readonly title?: string;
  readonly out?: string;
}

export interface ReportCommandDeps {
  readonly openStore?: () => Promise<Store>;
  readonly cwd?: string;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  /** The "made at" time; now by default. */
  readonly now?: () => Date;
}

const FLAGS: Readonly<Record<string, string>> = { ...WINDOW_FLAGS, title: '--title' };

export function registerReportCommand(program: Command, deps: ReportCommandDeps = {}): Command {
  return program
    .command('report')
    .description('Write the school-year report (one self-contained HTML file: print it to PDF) for a series of windows')
    .requiredOption('--from <date>', 'start of the series, included (ISO 8601, e.g. 2018-08-01)', once)
    .requiredOption('--to <date>', 'end of the series, excluded', once)
    .requiredOption('--step <step>', `${STEPS.join(', ')} (SCHOOL_YEAR: start on 1 August)`, once)
    .option('--window-size <n>', 'steps per window (default 1)', once)
    .option('--expanding', 'every window starts at --from')
    .option('--actor-kinds <kinds>', 'only these actor kinds, comma-separated', once)
    .option('--interaction-kinds <kinds>', 'only these interaction kinds, comma-separated', once)
    .option('--co-participation-limit <n>', 'tie participants of interactions with at most n participants (0: never)', once)
    .option('--title <title>', 'the report title (default: "Network report, <first window> to <last window>")', once)
    .option('--out <file>', 'where to write (default: copnet-report-<from>_<to>.html in the current directory)', once)
    .action(async (options: ReportCommandOptions) => {
      process.exitCode = await runReportCommand(options, deps);
    });
}

/** Writes one report; returns the exit code. */
export async function runReportCommand(options: ReportCommandOptions, deps: ReportCommandDeps = {}): Promise<number> {
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  let temp: string | null = null;
  let store: Store | null = null;
  let services: ReturnType<typeof createServices> | null = null;
  try {
    const request = parse(options);
    const target = resolve(deps.cwd ?? process.cwd(), options.out ?? reportFilename(request.series));
    const existing = await stat(target).catch(() => null);
    if (existing?.isDirectory()) throw new InvalidInputError('--out', options.out ?? target, 'is a directory; name a file');
    // Reserve the file next to --out first: an unwritable --out fails before any work.
    const reserved = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
    try {
      await writeFile(reserved, '', { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new InvalidInputError(
        '--out',
        options.out ?? target,
        code === 'ENOENT' ? 'is in a directory that does not exist' : `cannot be written (${code})`,
      );
    }
    temp = reserved;
    store = await (deps.openStore ?? (async () => openConfiguredStore(loadConfig())))();
    services = createServices(store);
    const reports = deps.now ? new ReportService(store, services.metrics, services.surveys, deps.now) : services.reports;
    const report = await reports.render(request);
    await writeFile(temp, report.html);
    await rename(temp, target);
    temp = null;
    out(
      `copnet report: wrote the ${request.series.step} report of ${request.series.from.toISOString()} to ${request.series.to.toISOString()} to ${target} (${Buffer.byteLength(report.html).toLocaleString('en-US')} bytes)`,
    );
    return 0;
  } catch (error) {
    if (
      error instanceof InvalidInputError ||
      error instanceof StoreUnavailableError ||
      error instanceof WorkLimitError ||
      (error instanceof Error && error.name === 'ConfigError')
    ) {
      err(`copnet report: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    if (temp !== null) await rm(temp, { force: true });
    await services?.close();
    await store?.close();
  }
}

function parse(options: ReportCommandOptions): ReportRequest {
  return parseWithFlags(FLAGS, () => parseReportQuery({ ...windowQueryText(options), title: options.title }));
}
