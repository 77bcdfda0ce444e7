import { accumulateBrandes, createBrandesScratch } from './brandes-kernel';
import type { Csr } from './csr';

/**
 * Exact shortest-path centralities of an unweighted undirected graph, indexed like the
 * CSR's `ids`:
 * - `betweenness`: normalized as networkx and graphology-metrics do,
 *   b(v) = Σ_{s ≠ v ≠ t} σ_st(v)/σ_st over ordered pairs, divided by (n − 1)(n − 2)
 *   (left raw, hence 0, when n ≤ 2);
 * - `closeness`: networkx's closeness_centrality (wf_improved=True),
 *   (r − 1)/Σ d(v, t) × (r − 1)/(n − 1) with r the size of v's component; 0 when isolated.
 */
export interface PathMetrics {
  readonly betweenness: Float64Array;
  readonly closeness: Float64Array;
}

/**
 * Sources are processed in fixed blocks of this many, each block's dependencies summed
 * on their own and the blocks added in order. The worker pool uses the same blocks, so a
 * result is bit-for-bit the same whatever the number of threads.
 */
export const SOURCE_BLOCK = 256;

/** The [first, last) source ranges of a graph of n nodes. */
export function sourceBlocks(n: number): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  for (let first = 0; first < n; first += SOURCE_BLOCK) blocks.push([first, Math.min(n, first + SOURCE_BLOCK)]);
  return blocks;
}

/** Betweenness and closeness in the calling thread. */
export function brandesSync(csr: Csr): PathMetrics {
  const n = csr.ids.length;
  const work = createBrandesScratch(n, csr.neighbors.length / 2);
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const partial = new Float64Array(n);
  for (const [first, last] of sourceBlocks(n)) {
    partial.fill(0);
    accumulateBrandes(csr.offsets, csr.neighbors, first, last, partial, closeness.subarray(first, last), work);
    addInto(betweenness, partial);
  }
  normalizeBetweenness(betweenness);
  return { betweenness, closeness };
}

/** target += partial, element-wise. */
export function addInto(target: Float64Array, partial: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) + (partial[i] as number);
}

/** Rescales summed ordered-pair dependencies in place by 1/((n − 1)(n − 2)). */
export function normalizeBetweenness(betweenness: Float64Array): void {
  const n = betweenness.length;
  if (n <= 2) return;
  const scale = 1 / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) betweenness[i] = (betweenness[i] as number) * scale;
}
