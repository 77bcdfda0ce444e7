/**
 * `--demo`: the demo network's cold weekly series (338 windows, as bench:api drives it),
 * once with the folded kernel and once with the baseline kernel, each on a fresh
 * MetricsService (empty cache) over the same SQLite file, as a ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { PathMetricsPool, toCsr } from '../../src/metrics/kernel';
import { seriesWindows } from '../../src/metrics/series';
import { poolPathCentralityEngine } from '../../src/metrics/path-centralities';
import { MetricsService } from '../../src/services/metrics-service';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { header, line, loadAverage, range, sec } from '../bench/report';
import { printBlockShare } from './kernel-comparison';

const SERIES = { from: new Date('2018-10-01T00:00:00Z'), to: new Date('2025-03-24T00:00:00Z'), step: 'WEEK' } as const;

export async function benchDemo(): Promise<void> {
  header('bench:metrics --demo — the demo network’s cold weekly series, folded vs baseline kernel');
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-'));
  const store = openSqliteStore(join(dir, 'demo.db'));
  try {
    await loadDemoData(store);
    const times: Record<'folded' | 'baseline', number> = { folded: 0, baseline: 0 };
    let windows = 0;
    let actors = '';
    for (const kernel of ['baseline', 'folded', 'baseline', 'folded'] as const) {
      const pool = new PathMetricsPool(undefined, { kernel });
      try {
        const service = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool) });
        const start = performance.now();
        const result = await service.series(SERIES);
        times[kernel] += performance.now() - start;
        windows = result.snapshots.length;
        actors = range(result.snapshots.map((x) => x.actorCount));
      } finally {
        await pool.close();
      }
    }
    line('windows', `${windows} weekly windows, ${actors} actors (min–median–max)`);
    line(
      'series',
      `cold, mean of 2 runs each: folded kernel ${sec(times.folded / 2)}, baseline kernel ${sec(times.baseline / 2)}: baseline / folded = ${(times.baseline / times.folded).toFixed(2)} (target ≥ 2)`,
    );
    const service = new MetricsService(store);
    const networks = [];
    for (const window of seriesWindows({ ...SERIES, windowSize: 1 })) networks.push(toCsr((await service.network(window)).network));
    printBlockShare(networks);
    line('load avg', `${loadAverage()} (1, 5, 15 min)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
