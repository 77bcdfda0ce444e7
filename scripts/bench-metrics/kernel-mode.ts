/** `--kernel`: one graph at a time, graphology-metrics vs the kernel (one thread, pool) vs igraph. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { brandesSync, PathMetricsPool, toCsr } from '../../src/metrics/kernel';
import { fmt, header, line, loadAverage, sec, totalMs } from '../bench/report';
import { runIgraph } from './igraph-protocol';
import { preferentialAttachmentGraph } from './preferential-attachment';

export async function benchKernel(sizes: readonly number[]): Promise<void> {
  header('bench:metrics --kernel — betweenness + closeness of one preferential-attachment graph (m = 3)');
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-'));
  const pool = new PathMetricsPool();
  try {
    for (const n of sizes) {
      const graph = preferentialAttachmentGraph(n, 3, 7);
      const csr = toCsr(graph);
      let start = performance.now();
      betweennessCentrality(graph, { getEdgeWeight: null });
      const gBetweenness = performance.now() - start;
      start = performance.now();
      closenessCentrality(graph, { wassermanFaust: true });
      const gCloseness = performance.now() - start;
      start = performance.now();
      brandesSync(csr);
      const single = performance.now() - start;
      start = performance.now();
      await pool.compute(csr);
      const pooled = performance.now() - start;
      const igraph = runIgraph(dir, [csr], true);
      line(`n=${fmt(n)}`, `${fmt(graph.size)} edges`);
      line('', `graphology-metrics betweenness ${sec(gBetweenness)} + closeness ${sec(gCloseness)} (one thread)`);
      line('', `copnet kernel, both at once: ${sec(single)} one thread, ${sec(pooled)} on ${pool.threads} worker threads`);
      if ('error' in igraph) line('', `igraph skipped: ${igraph.error}`);
      else
        line(
          '',
          `igraph ${igraph.version}: betweenness ${sec(totalMs(igraph.betweenness))} + closeness ${sec(totalMs(igraph.closeness))} (one thread)`,
        );
    }
    line('load avg', `${loadAverage()} (1, 5, 15 min)`);
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
