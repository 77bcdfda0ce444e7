import type { GraphIndex } from './graph-index';
import { brandesSync, closenessSync, type Csr, type PathMetricsPool } from './kernel';
import {
  graphSampleSize,
  sampledBetweenness,
  vertexDiameterBound,
  type BetweennessEstimate,
  type BetweennessSampling,
} from './sampled-betweenness';

/**
 * The two shortest-path centralities, which cost one breadth-first search per actor and
 * so are computed together by the typed-array Brandes kernel (./kernel/): normalized
 * betweenness (networkx betweenness_centrality(normalized=True): Σ σ_st(v)/σ_st over
 * unordered pairs, divided by (n − 1)(n − 2)/2) and networkx closeness, each indexed like
 * GraphIndex.ids (actor id order). The tests hold the kernel to graphology-metrics
 * (test/metrics/oracles/) and to networkx.
 */
export interface PathCentralities {
  readonly betweenness: ArrayLike<number>;
  readonly closeness: ArrayLike<number>;
  /** Set when `betweenness` is a sampled estimate (./sampled-betweenness.ts); absent or null when exact. */
  readonly betweennessEstimate?: BetweennessEstimate | null;
}

/** Computes PathCentralities for a network, possibly off the main thread. */
export type PathCentralityEngine = (index: GraphIndex) => Promise<PathCentralities>;

/**
 * In the calling thread. A GraphIndex is the kernel's CSR (ids in the same order,
 * ascending neighbours), so it is passed as it is.
 */
export function pathCentralities(index: GraphIndex): PathCentralities {
  return brandesSync(index);
}

/** pathCentralities as an engine: everything in the calling thread. */
export const inThreadPathCentralityEngine: PathCentralityEngine = async (index) => pathCentralities(index);

/** An engine spreading each network's breadth-first searches over a pool of worker threads. */
export function poolPathCentralityEngine(pool: PathMetricsPool): PathCentralityEngine {
  return (index) => pool.compute(index);
}

/**
 * Path centralities with betweenness estimated from r sampled shortest paths
 * (./sampled-betweenness.ts) and closeness exact (distance sums only, no path counts).
 * When r is at least the number of actors, sampling would search more than the exact
 * kernel does: the figures are then exact and `betweennessEstimate` is null.
 */
export function sampledPathCentralities(index: Csr, sampling: BetweennessSampling): PathCentralities {
  const n = index.ids.length;
  if (graphSampleSize(sampling, n, vertexDiameterBound(index)) >= n) return { ...brandesSync(index), betweennessEstimate: null };
  const { betweenness, estimate } = sampledBetweenness(index, sampling);
  return { betweenness, closeness: closenessSync(index), betweennessEstimate: estimate };
}
