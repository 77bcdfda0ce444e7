/**
 * `--store neo4j`: the same log through Neo4j beside SQLite, in one run: the first start with the demo network
 * (open an empty store, migrations included, and load the demo) and a second start on it, write rate, read rate of
 * the whole range (both stores read into columns as a series reads, readWindowInto, in this process, alternately,
 * so the machine's load moves both; then Neo4j's streamWindow), and the cold series; each line ends with the
 * Neo4j/SQLite ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { PathMetricsPool } from '../../src/metrics/kernel';
import { poolPathCentralityEngine } from '../../src/metrics/path-centralities';
import type { SeriesInput } from '../../src/metrics/series';
import { InteractionColumns } from '../../src/projection/interaction-columns';
import { MetricsService } from '../../src/services/metrics-service';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import type { Store } from '../../src/store/store';
import type { TimeWindow } from '../../src/domain/time-window';
import { fmt, line, sec } from '../bench/report';
import { benchNeo4j, type BenchNeo4j } from '../neo4j-bench-server';
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

/** Reads the window as a series does (Store.readWindowInto into columns) and returns how many came and how long it took. */
async function timeRangeRead(store: Store, window: TimeWindow): Promise<{ count: number; ms: number }> {
  const start = performance.now();
  const columns = new InteractionColumns();
  await store.readWindowInto!(window, {}, columns);
  return { count: columns.length, ms: performance.now() - start };
}

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));

/** Milliseconds of a first start (open an empty store, load the demo) and of a second one (open it again). */
async function timeStarts(open: () => Promise<Store>): Promise<{ firstMs: number; secondMs: number }> {
  let start = performance.now();
  const first = await open();
  await loadDemoData(first);
  await first.close();
  const firstMs = performance.now() - start;
  start = performance.now();
  await (await open()).close();
  return { firstMs, secondMs: performance.now() - start };
}

/** The first start with the demo network, and the next one, on both stores (issue 18: Neo4j within 3×). */
export async function benchFirstStart(server: BenchNeo4j): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-first-start-'));
  try {
    const lite = await timeStarts(async () => openSqliteStore(join(dir, 'demo.db')));
    const neo = await timeStarts(() => openNeo4jStore(server.options));
    line(
      'start',
      `first start with the demo network ${sec(neo.firstMs)} on Neo4j, ${sec(lite.firstMs)} on SQLite: ` +
        `neo4j/sqlite time ${(neo.firstMs / lite.firstMs).toFixed(2)} (target ≤ 3)`,
    );
    line(
      '',
      `next start ${sec(neo.secondMs)} on Neo4j, ${sec(lite.secondMs)} on SQLite: neo4j/sqlite time ${(neo.secondMs / lite.secondMs).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.empty();
  }
}

export async function benchOnNeo4j(pool: PathMetricsPool, sqlite: SqliteFigures, shape: LogShape, series: SeriesInput): Promise<void> {
  const server = await benchNeo4j();
  try {
    await benchFirstStart(server);
    const load = loadInChild('neo4j', shape, server.options);
    line('neo4j', `into ${server.where}`);
    printLoad(load, 'Neo4j');
    const loadRatio = rate(load.interactions, load.loadMs) / rate(sqlite.load.interactions, sqlite.load.loadMs);
    line('', `neo4j/sqlite load rate ${loadRatio.toFixed(2)} (target: Neo4j ≥ 20,000 interactions/s)`);
    const store = await openNeo4jStore(server.options);
    try {
      const whole = logRange(shape);
      for (const pass of ['first', 'second']) {
        const neo = await timeRangeRead(store, whole);
        const lite = await timeRangeRead(sqlite.store, whole);
        line(
          'read',
          `${pass} range read (readWindowInto) of the whole range: ${fmt(neo.count)} interactions in ${sec(neo.ms)} on Neo4j ` +
            `(${fmt(rate(neo.count, neo.ms))}/s; target ≥ 100,000), ${sec(lite.ms)} on SQLite (${fmt(rate(lite.count, lite.ms))}/s): ` +
            `neo4j/sqlite rate ${(lite.ms / neo.ms).toFixed(2)}`,
        );
        const streamed = await timeStream(store, whole);
        line('', `${pass} streamWindow on Neo4j (Interaction objects): ${sec(streamed.ms)} (${fmt(rate(streamed.count, streamed.ms))}/s)`);
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
