/** The command line of `npm run bench:metrics` (node:util parseArgs), with its --help. */
import { parseArgs } from 'node:util';
import { LOG_SHAPE, type LogShape } from './interaction-log';

export const KERNEL_SIZES = [5_000, 20_000] as const;

export interface BenchMetricsArgs {
  readonly mode: 'series' | 'kernel' | 'demo' | 'load' | 'help';
  /** `--load PATH`: where the child process records the log. */
  readonly loadPath: string;
  readonly quarters: boolean;
  readonly igraph: boolean;
  readonly igraphCloseness: boolean;
  readonly story: boolean;
  readonly store: 'sqlite' | 'neo4j';
  readonly shape: LogShape;
  readonly kernelSizes: readonly number[];
  /** `--windows N`: only the log's first N quarters (0 = the whole series). */
  readonly windows: number;
  /** `--path-kernel`: the series' betweenness/closeness kernel. */
  readonly pathKernel: 'folded' | 'baseline';
  /** `--baseline PATH`: with --demo, another build to time the same series with ('' for none). */
  readonly baseline: string;
}

const OPTIONS = {
  quarters: { type: 'boolean', default: false },
  'no-igraph': { type: 'boolean', default: false },
  'igraph-closeness': { type: 'boolean', default: false },
  'no-story': { type: 'boolean', default: false },
  store: { type: 'string', default: 'sqlite' },
  interactions: { type: 'string', default: String(LOG_SHAPE.interactions) },
  actors: { type: 'string', default: String(LOG_SHAPE.actors) },
  weeks: { type: 'string', default: String(LOG_SHAPE.weeks) },
  kernel: { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
  'kernel-sizes': { type: 'string', default: KERNEL_SIZES.join(',') },
  windows: { type: 'string', default: '0' },
  'path-kernel': { type: 'string', default: 'folded' },
  baseline: { type: 'string', default: '' },
  load: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP: Record<keyof typeof OPTIONS, string> = {
  quarters:
    'the 8 back-to-back quarters of the log instead of 104 rolling weekly windows of 13 weeks (the smaller run), story comparison twice',
  'no-igraph': "skip python-igraph's betweenness on the same windows (quick memory and time checks)",
  'igraph-closeness': "also time igraph's Graph.closeness()",
  'no-story': 'skip the story measures’ comparison (two more cold series) for a shorter run',
  store:
    'sqlite (default) or neo4j: neo4j also records the log into Neo4j (NEO4J_URI, empty, or a fresh test server), streams it back and runs the cold series through it',
  interactions: 'interactions in the generated log',
  actors: 'actors in the generated log (3% of them intermediaries, one foundation)',
  weeks: 'weeks the log spans (the series covers them all)',
  kernel: 'instead: the path-metrics kernel against graphology-metrics and igraph on single preferential-attachment graphs',
  demo: "instead: the demo network's cold weekly series (338 windows) with the folded and the baseline kernel",
  'kernel-sizes': 'with --kernel: the graph sizes (nodes), comma-separated',
  windows:
    'instead of the series, the first N quarters of the log (13-week windows), 0 for the series (the scaling run: --actors 20000 --interactions 1000000 --windows 3)',
  'path-kernel':
    "folded (default: degree-1 folding) or baseline (the kernel before it) for the series' betweenness and closeness; the kernel comparison runs both either way",
  baseline:
    'with --demo: another build (a built checkout, or a dist/ whose packages resolve from where it is), e.g. main; the series is timed on it and on this build alternately, 3 rounds each, as ratios',
  load: 'internal: the child process that generates the log and records it at PATH',
  help: 'print this and exit',
};

const VALUE_NAMES: Partial<Record<keyof typeof OPTIONS, string>> = {
  store: 'STORE',
  load: 'PATH',
  'kernel-sizes': 'N,N',
  'path-kernel': 'KERNEL',
  baseline: 'PATH',
};

export function helpText(): string {
  const rows = Object.entries(OPTIONS).map(([name, option]) => {
    const key = name as keyof typeof OPTIONS;
    const flag = `${'short' in option ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${VALUE_NAMES[key] ?? 'N'}` : ''}`;
    const fallback = option.type === 'string' && 'default' in option ? ` (default ${option.default})` : '';
    return `  ${flag.padEnd(28)} ${HELP[key]}${fallback}`;
  });
  return [
    'npm run bench:metrics -- [options]',
    '',
    "The speed and memory of copnet's network metrics on a generated interaction log (README, Benchmarks).",
    '',
    ...rows,
  ].join('\n');
}

/** A command line that does not parse; its message names the option. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses the command line; throws a UsageError naming the option for an unknown option or a bad value. */
export function parseBenchMetricsArgs(args: readonly string[]): BenchMetricsArgs {
  const values = parseOptions(args);
  if (values.store !== 'sqlite' && values.store !== 'neo4j')
    throw new UsageError(`--store: ${JSON.stringify(values.store)} is not sqlite or neo4j`);
  if (values['path-kernel'] !== 'folded' && values['path-kernel'] !== 'baseline')
    throw new UsageError(`--path-kernel: ${JSON.stringify(values['path-kernel'])} is not folded or baseline`);
  const actors = count('--actors', values.actors, 200);
  return {
    mode: values.help ? 'help' : values.load !== undefined ? 'load' : values.kernel ? 'kernel' : values.demo ? 'demo' : 'series',
    loadPath: values.load ?? '',
    quarters: values.quarters,
    igraph: !values['no-igraph'],
    igraphCloseness: values['igraph-closeness'],
    story: !values['no-story'],
    store: values.store,
    shape: {
      ...LOG_SHAPE,
      actors,
      intermediaries: Math.round(actors * 0.03),
      interactions: count('--interactions', values.interactions, 1),
      weeks: count('--weeks', values.weeks, 2),
    },
    kernelSizes: values['kernel-sizes'].split(',').map((size) => count('--kernel-sizes', size, 10)),
    windows: count('--windows', values.windows, 0),
    pathKernel: values['path-kernel'],
    baseline: values.baseline,
  };
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The options that give a child process the same log. */
export function shapeArgs(shape: LogShape): string[] {
  return ['--interactions', String(shape.interactions), '--actors', String(shape.actors), '--weeks', String(shape.weeks)];
}

function count(option: string, text: string, least: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least)
    throw new UsageError(`${option}: ${JSON.stringify(text)} is not a whole number of at least ${least}`);
  return n;
}
