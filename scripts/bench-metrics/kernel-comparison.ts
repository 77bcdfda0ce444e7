/**
 * The path-metrics kernel alone on the series' windows: today's kernel (degree-1 folding)
 * against the baseline kept in src/metrics/kernel (the kernel before folding), both on
 * the same worker pool size, each half of the windows submitted together as the series does
 * (baseline, folded, folded, baseline: the two halves in opposite orders); then the
 * cost per window against n·m, so how it grows is visible.
 */
import { largestBlockShare } from '../../src/metrics/kernel/biconnected-blocks';
import { foldTrees } from '../../src/metrics/kernel/tree-folding';
import { brandesSync, PathMetricsPool, type Csr } from '../../src/metrics/kernel';
import { sampledPathCentralities } from '../../src/metrics/path-centralities';
import type { BetweennessSampling } from '../../src/metrics/sampled-betweenness';
import { fmt, line, range, sec } from '../bench/report';

export interface KernelFigures {
  readonly foldedMs: number;
  readonly baselineMs: number;
}

export async function compareKernels(networks: readonly Csr[], threads: number): Promise<KernelFigures> {
  const folded = new PathMetricsPool(threads);
  const baseline = new PathMetricsPool(threads, { kernel: 'baseline' });
  try {
    const coreShare = networks.map((csr) => foldTrees(csr).core.length / Math.max(1, csr.ids.length));
    const warmUp = networks.slice(0, threads);
    await Promise.all([...warmUp.map((csr) => baseline.compute(csr)), ...warmUp.map((csr) => folded.compute(csr))]);
    // In the order baseline, folded, folded, baseline over the two halves of the windows, so a
    // change in the machine's load during the run weighs on both kernels alike.
    const half = Math.ceil(networks.length / 2);
    const [first, second] = [networks.slice(0, half), networks.slice(half)];
    const timed = async (pool: PathMetricsPool, windows: readonly Csr[]): Promise<number> => {
      const start = performance.now();
      await Promise.all(windows.map((csr) => pool.compute(csr)));
      return performance.now() - start;
    };
    let baselineMs = await timed(baseline, first);
    let foldedMs = await timed(folded, first);
    foldedMs += await timed(folded, second);
    baselineMs += await timed(baseline, second);
    line(
      'kernel',
      `betweenness + closeness alone on the same ${networks.length} windows, ${threads} worker threads: degree-1 folding ${sec(foldedMs)},`,
    );
    line('', `baseline kernel (before folding) ${sec(baselineMs)}: folded / baseline = ${(foldedMs / baselineMs).toFixed(2)}`);
    line('', `core left after folding: ${range(coreShare.map((x) => Math.round(100 * x)))}% of the actors (min–median–max)`);
    printBlockShare(networks);
    return { foldedMs, baselineMs };
  } finally {
    await Promise.all([folded.close(), baseline.close()]);
  }
}

/**
 * What a biconnected decomposition (Puzis et al. 2012) could leave: the share of the
 * 2-core's actors in the largest block, whose Brandes still runs over all of its nodes.
 */
export function printBlockShare(networks: readonly Csr[]): void {
  const shares = networks.map((csr) => largestBlockShare(csr)).filter((x) => x.coreActors > 0);
  line(
    '',
    `largest biconnected block: ${range(shares.map((x) => Math.round(1000 * x.share) / 10))}% of the 2-core's actors (min–median–max over the ${shares.length} windows with a 2-core of ${range(shares.map((x) => x.coreActors))} actors)`,
  );
}

/** Time per window against n·m (the one-thread kernel, windows one at a time): its ns per n·m shows how the cost grows. */
export async function printScaling(networks: readonly Csr[], threads: number, most: number): Promise<void> {
  const pool = new PathMetricsPool(threads);
  try {
    await Promise.all(networks.slice(0, threads).map((csr) => pool.compute(csr))); // workers started and warm
    const step = Math.max(1, Math.ceil(networks.length / most));
    for (let w = 0; w < networks.length; w += step) {
      const csr = networks[w]!;
      const n = csr.ids.length;
      const m = csr.neighbors.length / 2;
      const start = performance.now();
      await pool.compute(csr);
      const ms = performance.now() - start;
      line(
        w === 0 ? 'scaling' : '',
        `window ${String(w + 1).padStart(3)}: n ${fmt(n).padStart(6)}, m ${fmt(m).padStart(7)}, n·m ${(n * m).toExponential(2)}: ${sec(ms).padStart(8)}, ${((ms * 1e6) / (n * m)).toFixed(2)} ns per n·m`,
      );
    }
  } finally {
    await pool.close();
  }
}

/**
 * Sampled betweenness (approximateBetweenness) against the exact kernel, both in this
 * thread, on a few windows: time of each, the sample size r and the largest error seen.
 */
export function printSampling(networks: readonly Csr[], most: number, sampling: BetweennessSampling): void {
  const step = Math.max(1, Math.ceil(networks.length / most));
  for (let w = 0; w < networks.length; w += step) {
    const csr = networks[w]!;
    let start = performance.now();
    const exact = brandesSync(csr);
    const exactMs = performance.now() - start;
    start = performance.now();
    const sampled = sampledPathCentralities(csr, sampling);
    const sampledMs = performance.now() - start;
    let worst = 0;
    for (let i = 0; i < csr.ids.length; i++) worst = Math.max(worst, Math.abs(sampled.betweenness[i]! - exact.betweenness[i]!));
    const estimate = sampled.betweennessEstimate;
    line(
      w === 0 ? 'sampled' : '',
      `window ${String(w + 1).padStart(3)}, ε ${sampling.epsilon}, δ ${sampling.delta}: ` +
        (estimate
          ? `r ${fmt(estimate.sampleSize)} paths (VD ≤ ${estimate.vertexDiameter}) + exact closeness ${sec(sampledMs)}, exact ${sec(exactMs)} (one thread): sampled / exact = ${(sampledMs / exactMs).toFixed(2)}, largest error ${worst.toExponential(2)}`
          : `r ≥ n, computed exactly`),
    );
  }
}
