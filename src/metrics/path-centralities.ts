import type { TieNetwork } from '../projection/tie-network';
import { betweenness } from './actor/betweenness';
import { closeness } from './actor/closeness';
import type { GraphIndex } from './graph-index';

/**
 * The two shortest-path centralities, which cost one breadth-first search per actor and
 * so are computed together: normalized betweenness (./actor/betweenness.ts) and networkx
 * closeness (./actor/closeness.ts), each indexed like GraphIndex.ids (actor id order).
 */
export interface PathCentralities {
  readonly betweenness: ArrayLike<number>;
  readonly closeness: ArrayLike<number>;
}

/** Computes PathCentralities for a network, possibly off the main thread. */
export type PathCentralityEngine = (network: TieNetwork, index: GraphIndex) => Promise<PathCentralities>;

/** The reference computation, on the calling thread, through graphology-metrics. */
export function referencePathCentralities(network: TieNetwork, index: GraphIndex): PathCentralities {
  return { betweenness: betweenness(network, index), closeness: closeness(network, index) };
}

/** referencePathCentralities as an engine. */
export const referencePathCentralityEngine: PathCentralityEngine = async (network, index) =>
  referencePathCentralities(network, index);
