import type { TieNetwork } from '../projection/tie-network';
import type { GraphIndex } from './graph-index';
import { brandesSync, type PathMetricsPool } from './kernel';

/**
 * The two shortest-path centralities, which cost one breadth-first search per actor and
 * so are computed together by the typed-array Brandes kernel (./kernel/): normalized
 * betweenness (definition: ./actor/betweenness.ts) and networkx closeness
 * (./actor/closeness.ts), each indexed like GraphIndex.ids (actor id order). The
 * graphology-metrics versions in ./actor/ are the reference the kernel is tested against.
 */
export interface PathCentralities {
  readonly betweenness: ArrayLike<number>;
  readonly closeness: ArrayLike<number>;
}

/** Computes PathCentralities for a network, possibly off the main thread. */
export type PathCentralityEngine = (network: TieNetwork, index: GraphIndex) => Promise<PathCentralities>;

/**
 * In the calling thread. A GraphIndex is the kernel's CSR (ids in the same order,
 * ascending neighbours), so it is passed as it is.
 */
export function pathCentralities(index: GraphIndex): PathCentralities {
  return brandesSync(index);
}

/** pathCentralities as an engine: everything in the calling thread. */
export const inThreadPathCentralityEngine: PathCentralityEngine = async (_network, index) => pathCentralities(index);

/** An engine spreading each network's breadth-first searches over a pool of worker threads. */
export function poolPathCentralityEngine(pool: PathMetricsPool): PathCentralityEngine {
  return (_network, index) => pool.compute(index);
}
