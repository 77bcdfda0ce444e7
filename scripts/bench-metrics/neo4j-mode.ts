/**
 * `--store neo4j`: the same log through Neo4j beside SQLite, in one run: write rate, read rate of the
 * whole range (both stores streamed in this process, alternately, so the machine's load moves both), and the
 * cold series; each line ends with the Neo4j/SQLite ratio.
 */
import type { PathMetricsPool } from '../../src/metrics/kernel';
import { poolPathCentralityEngine } from '../../src/metrics/path-centralities';
import type { SeriesInput } from '../../src/metrics/series';
import { MetricsService } from '../../src/services/metrics-service';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import type { Store } from '../../src/store/store';
import type { TimeWindow } from '../../src/domain/time-window';
import { fmt, line, sec } from '../bench/report';
import { benchNeo4j } from '../neo4j-bench-server';
import { logRange, type LogShape } from './interaction-log';
import { loadInChild, printLoad, type LoadFigures } from './load-mode';

/** What the SQLite run of the same log measured, and its store. */
export interface SqliteFigures {
  readonly store: Store;
  readonly load: LoadFigures;
  readonly coldMs: number;
}

/** Streams the window and returns how many interactions came and how long it took. */
async function timeStream(store: Store, window: TimeWindow): Promise<{ count: number; ms: number }> {
  const start = performance.now();
  let count = 0;
  for await (const interaction of store.streamWindow(window)) if (interaction) count += 1;
  return { count, ms: performance.now() - start };
}

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));

export async function benchOnNeo4j(pool: PathMetricsPool, sqlite: SqliteFigures, shape: LogShape, series: SeriesInput): Promise<void> {
  const server = await benchNeo4j();
  try {
    const load = loadInChild('neo4j', shape, server.options);
    line('neo4j', `into ${server.where}`);
    printLoad(load, 'Neo4j');
    const loadRatio = rate(load.interactions, load.loadMs) / rate(sqlite.load.interactions, sqlite.load.loadMs);
    line('', `neo4j/sqlite load rate ${loadRatio.toFixed(2)} (target: Neo4j ≥ 20,000 interactions/s)`);
    const store = await openNeo4jStore(server.options);
    try {
      const whole = logRange(shape);
      for (const pass of ['first', 'second']) {
        const neo = await timeStream(store, whole);
        const lite = await timeStream(sqlite.store, whole);
        line(
          'read',
          `${pass} stream of the whole range: ${fmt(neo.count)} interactions in ${sec(neo.ms)} on Neo4j (${fmt(rate(neo.count, neo.ms))}/s; ` +
            `target ≥ 100,000), ${sec(lite.ms)} on SQLite (${fmt(rate(lite.count, lite.ms))}/s): neo4j/sqlite rate ${(lite.ms / neo.ms).toFixed(2)}`,
        );
      }
      const service = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool) });
      const start = performance.now();
      await service.series(series);
      const coldMs = performance.now() - start;
      line(
        'series',
        `cold ${sec(coldMs)} loading through Neo4j, beside ${sec(sqlite.coldMs)} through SQLite (same series, same process): ` +
          `neo4j/sqlite time ${(coldMs / sqlite.coldMs).toFixed(2)}`,
      );
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}
