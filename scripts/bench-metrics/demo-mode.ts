/**
 * `--demo`: the demo network's cold weekly series (338 windows, as bench:api drives it),
 * once with the folded kernel and once with the baseline kernel, each on a fresh
 * MetricsService (empty cache) over the same SQLite file, as a ratio. With `--baseline
 * PATH`, first the same series on that build and on this one alternately (issue 22's
 * "demo's cold weekly series at least 2× faster"), as ratios of wall and CPU time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { PathMetricsPool, toCsr } from '../../src/metrics/kernel';
import { seriesWindows } from '../../src/metrics/series';
import { poolPathCentralityEngine } from '../../src/metrics/path-centralities';
import { MetricsService } from '../../src/services/metrics-service';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';
import { header, line, loadAverage, range, sec } from '../bench/report';
import { printBlockShare } from './kernel-comparison';

const SERIES = { from: new Date('2018-10-01T00:00:00Z'), to: new Date('2025-03-24T00:00:00Z'), step: 'WEEK' } as const;

export async function benchDemo(baseline: string): Promise<void> {
  header('bench:metrics --demo — the demo network’s cold weekly series, folded vs baseline kernel');
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-'));
  const store = openSqliteStore(join(dir, 'demo.db'));
  try {
    await loadDemoData(store);
    if (baseline !== '') await compareBuilds(baseline, store);
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
      `cold, mean of 2 runs each: folded kernel ${sec(times.folded / 2)}, baseline kernel ${sec(times.baseline / 2)}: baseline / folded = ${(times.baseline / times.folded).toFixed(2)} (the kernels alone; the issue's ≥ 2 is the builds' ratio)`,
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

/** The modules a series needs, from one build. */
interface Build {
  readonly name: string;
  readonly metrics: typeof import('../../src/services/metrics-service');
  readonly kernel: typeof import('../../src/metrics/kernel');
  readonly engine: typeof import('../../src/metrics/path-centralities');
}

/** The build at `path`: a dist/ directory, or a checkout holding one. */
function loadBuild(path: string): Build {
  const full = resolve(path);
  const dist = existsSync(join(full, 'dist', 'src')) ? join(full, 'dist') : full;
  if (!existsSync(join(dist, 'src', 'services', 'metrics-service.js'))) throw new Error(`--baseline: no built copnet at ${full}`);
  // another build's modules: typed as this build's (a library edge; the series API is the same)
  const load = (module: string): unknown => createRequire(__filename)(join(dist, 'src', module));
  return {
    name: dist,
    metrics: load('services/metrics-service.js') as Build['metrics'],
    kernel: load('metrics/kernel/index.js') as Build['kernel'],
    engine: load('metrics/path-centralities.js') as Build['engine'],
  };
}

/** The demo's cold series on the baseline build and on this one, alternately, 3 rounds each, on the same store. */
async function compareBuilds(path: string, store: Store): Promise<void> {
  const builds: Build[] = [
    loadBuild(path),
    {
      name: 'this build',
      metrics: { MetricsService } as Build['metrics'],
      kernel: { PathMetricsPool } as Build['kernel'],
      engine: { poolPathCentralityEngine } as Build['engine'],
    },
  ];
  const totals = builds.map(() => ({ wall: 0, cpu: 0 }));
  const rounds = 3;
  for (let round = 0; round <= rounds; round++) {
    for (const [b, build] of builds.entries()) {
      const pool = new build.kernel.PathMetricsPool(undefined, { kernel: 'folded' });
      try {
        const service = new build.metrics.MetricsService(store, { pathCentralities: build.engine.poolPathCentralityEngine(pool) });
        const start = performance.now();
        const cpu = process.cpuUsage();
        await service.series(SERIES);
        const used = process.cpuUsage(cpu);
        // round 0 warms both builds up (compiled code, the store's pages)
        if (round > 0) {
          totals[b]!.wall += performance.now() - start;
          totals[b]!.cpu += (used.user + used.system) / 1000;
        }
      } finally {
        await pool.close();
      }
    }
  }
  const [before, after] = totals as [{ wall: number; cpu: number }, { wall: number; cpu: number }];
  line('builds', `cold series, mean of ${rounds} rounds each after a warm-up, alternating (folded kernel on worker threads):`);
  line('', `baseline ${builds[0]!.name}: ${sec(before.wall / rounds)} (CPU ${sec(before.cpu / rounds)} over all threads)`);
  line('', `this build: ${sec(after.wall / rounds)} (CPU ${sec(after.cpu / rounds)})`);
  line(
    'ratio',
    `baseline / this build = ${(before.wall / after.wall).toFixed(2)} wall, ${(before.cpu / after.cpu).toFixed(2)} CPU (target ≥ 2); load ${loadAverage()}`,
  );
}
