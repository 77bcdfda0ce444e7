/** `--store neo4j`: the same log through Neo4j: write rate, read rate of the whole range, and the cold series beside SQLite's. */
import type { PathMetricsPool } from '../../src/metrics/kernel';
import { poolPathCentralityEngine } from '../../src/metrics/path-centralities';
import type { SeriesInput } from '../../src/metrics/series';
import { MetricsService } from '../../src/services/metrics-service';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import { fmt, line, sec } from '../bench/report';
import { benchNeo4j } from '../neo4j-bench-server';
import { logRange, type LogShape } from './interaction-log';
import { loadInChild, printLoad } from './load-mode';

export async function benchOnNeo4j(pool: PathMetricsPool, sqliteColdMs: number, shape: LogShape, series: SeriesInput): Promise<void> {
  const server = await benchNeo4j();
  try {
    const load = loadInChild('neo4j', shape, server.options);
    line('neo4j', `into ${server.where}`);
    printLoad(load, 'Neo4j');
    const store = await openNeo4jStore(server.options);
    try {
      const whole = logRange(shape);
      for (const pass of ['first', 'second']) {
        const start = performance.now();
        let count = 0;
        for await (const interaction of store.streamWindow(whole)) if (interaction) count += 1;
        const ms = performance.now() - start;
        line(
          'read',
          `${pass} stream of the whole range: ${fmt(count)} interactions in ${sec(ms)} (${fmt(Math.round(count / (ms / 1000)))} interactions/s; target ≥ 100,000)`,
        );
      }
      const service = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool) });
      const start = performance.now();
      await service.series(series);
      const coldMs = performance.now() - start;
      line('series', `cold ${sec(coldMs)} loading through Neo4j, beside ${sec(sqliteColdMs)} through SQLite (same series, same process)`);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}
