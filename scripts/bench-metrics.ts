/**
 * `npm run bench:metrics`: the speed of copnet's network metrics (issue 3, "Speed").
 * `npm run bench:metrics -- --help` lists the options (./bench-metrics/args.ts).
 *
 * Generates an interaction log (200,000 interactions among 5,000 actors over 104 weeks,
 * preferential attachment, fixed seed), records it through the SQLite store into a temp
 * file, computes the series of 104 weekly windows of 13 weeks with every metric through
 * MetricsService (per-actor betweenness and closeness on a pool of worker threads), then
 * repeats it warm (cached), and times python-igraph's Graph.betweenness() on the same
 * windows (scripts/bench-igraph.py) when /usr/bin/python3 has igraph.
 *
 * It then times the same cold series without and with the hub-and-spoke story's measures
 * (tie mix, E-I index, constraint, effective size, core number, main core, stage).
 *
 * `--no-igraph` skips igraph (for quick memory and time checks); `--quarters` computes the
 * 8 quarters of the same log instead of the 104 rolling windows (the smaller configuration,
 * for a busy machine), and the story comparison twice; `--interactions`, `--actors` and
 * `--weeks` generate a smaller (or larger) log.
 *
 * `--store neo4j` also records the log into Neo4j (the Neo4j test server, or an empty
 * NEO4J_URI: scripts/neo4j-bench-server.ts), streams the whole 200,000-interaction range
 * back (target ≥ 100,000 interactions/s) and runs the same cold series loading its windows
 * through Neo4j, printed beside the SQLite figures.
 *
 * `--kernel` instead compares the path-metrics kernel with graphology-metrics and igraph on
 * single preferential-attachment graphs (`--kernel-sizes`, default 5,000 and 20,000 nodes).
 *
 * `--demo` times the demo network's cold weekly series (338 windows) with the folded and
 * the baseline path-metrics kernel; `--demo --baseline PATH` also against another build.
 *
 * The modes live in ./bench-metrics/: series-mode (with story-comparison,
 * igraph-comparison, neo4j-mode), load-mode (the series' child process), kernel-mode.
 */
import { UnreachableCaseError } from '../src/domain/errors';
import { helpText, parseBenchMetricsArgs, UsageError } from './bench-metrics/args';
import { benchDemo } from './bench-metrics/demo-mode';
import { benchKernel } from './bench-metrics/kernel-mode';
import { loadLog } from './bench-metrics/load-mode';
import { benchSeries } from './bench-metrics/series-mode';

async function main(): Promise<void> {
  const args = parseBenchMetricsArgs(process.argv.slice(2));
  switch (args.mode) {
    case 'help':
      return console.log(helpText());
    case 'load':
      return loadLog(args.loadPath, args.shape);
    case 'kernel':
      return benchKernel(args.kernelSizes);
    case 'demo':
      return benchDemo(args.baseline);
    case 'series':
      return benchSeries(args);
    default:
      throw new UnreachableCaseError(args.mode, 'bench:metrics mode');
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench:metrics: ${error.message} (--help lists the options)`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
