/**
 * The default mode: records the generated log through the SQLite store (in a child
 * process), computes the series with every metric through MetricsService (per-actor
 * betweenness and closeness on a pool of worker threads), then again warm (cached), and
 * prints time, memory and the trend; then the story measures' cost, python-igraph on the
 * same windows and, with `--store neo4j`, the same on Neo4j.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PathMetricsPool, toCsr, type Csr } from '../../src/metrics/kernel';
import { poolPathCentralityEngine } from '../../src/metrics/path-centralities';
import { MetricsService } from '../../src/services/metrics-service';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { fmt, header, line, loadAverage, mb, range, sec } from '../bench/report';
import type { BenchMetricsArgs } from './args';
import { compareIgraph } from './igraph-comparison';
import { logSeries } from './interaction-log';
import { compareKernels, printSampling, printScaling } from './kernel-comparison';
import { loadInChild, printLoad } from './load-mode';
import { MemoryWatch } from './memory-watch';
import { benchOnNeo4j } from './neo4j-mode';
import { compareStory } from './story-comparison';

export async function benchSeries(args: BenchMetricsArgs): Promise<void> {
  const { shape, quarters } = args;
  const series = logSeries(shape, quarters, args.windows);
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-'));
  const memory = new MemoryWatch();
  const pool = new PathMetricsPool(undefined, { kernel: args.pathKernel });
  try {
    header(
      quarters
        ? `bench:metrics --quarters — series of the quarters of ${shape.weeks} weeks`
        : `bench:metrics — series of ${shape.weeks} weekly windows of 13 weeks`,
    );

    const path = join(dir, 'bench.db');
    const load = loadInChild(path, shape, null);
    line(
      'data',
      `${fmt(load.interactions)} interactions, ${fmt(load.actors)} actors, ${shape.weeks} weeks, seed ${shape.seed} (generated in ${sec(load.generatedMs)})`,
    );
    printLoad(load, 'SQLite');

    const store = openSqliteStore(path);
    const pathCentralities = poolPathCentralityEngine(pool);
    const service = new MetricsService(store, { pathCentralities });
    memory.reset();
    let start = performance.now();
    const cpuBefore = process.cpuUsage();
    const cold = await service.series(series);
    const coldMs = performance.now() - start;
    const coldCpu = process.cpuUsage(cpuBefore);
    const seriesPeak = memory.peak();
    const seriesHeap = memory.heap();
    start = performance.now();
    await service.series(series);
    const warmMs = performance.now() - start;
    const windows = cold.snapshots.length;
    line(
      'windows',
      `${windows}: ${range(cold.snapshots.map((x) => x.actorCount))} actors, ${range(cold.snapshots.map((x) => x.tieCount))} ties (min–median–max)`,
    );
    line('series', `cold ${sec(coldMs)} (${sec(coldMs / windows)} per window): every network and per-actor metric, exact betweenness,`);
    line(
      '',
      `path metrics (${args.pathKernel} kernel) on ${pool.threads} worker threads (${availableParallelism()} CPUs: ${cpus()[0]?.model ?? '?'});`,
    );
    line('', `CPU time ${sec((coldCpu.user + coldCpu.system) / 1000)} over all threads`);
    line('warm', `${sec(warmMs)} (same series again, from the snapshot cache)`);
    line(
      'memory',
      `peak RSS during the series ${mb(seriesPeak.hwm ?? seriesPeak.sampled)}` +
        (seriesPeak.hwm === undefined
          ? ' (sampled every 20 ms)'
          : ` (kernel high-water mark, all threads; sampled every 20 ms: ${mb(seriesPeak.sampled)})`),
    );
    line('', `main-thread V8 heap peaks (sampled): ${mb(seriesHeap.used)} used, ${mb(seriesHeap.total)} reserved`);
    const tuning = [...process.execArgv, ...(process.env.MALLOC_ARENA_MAX ? [`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}`] : [])];
    line(
      '',
      `runtime tuning: ${tuning.length > 0 ? tuning.join(' ') : 'none (node defaults)'}; the peak varies by ±50 MB from run to run with GC timing`,
    );
    line('trend', `${cold.trend.verdict}: ${cold.trend.summary}`);

    if (args.story) await compareStory(store, service, pathCentralities, series, cold.windows, quarters ? 2 : 1);
    const networks: Csr[] = [];
    for (const window of cold.windows) networks.push(toCsr((await service.network(window)).network));
    await compareKernels(networks, pool.threads);
    await compareIgraph(dir, networks, cold, coldMs, args);
    await printScaling(networks, pool.threads, 6);
    printSampling(networks, 3, { epsilon: 0.05, delta: 0.1, seed: 0 });
    if (args.store === 'neo4j') await benchOnNeo4j(pool, { store, load, coldMs }, shape, series);
    line('load avg', `${loadAverage()} (1, 5, 15 min; other work on this machine slows every figure)`);
    await store.close();
  } finally {
    memory.stop();
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
