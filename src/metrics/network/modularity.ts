import type { Attributes } from 'graphology-types';
import type Graph from 'graphology-types';
import modularityOf from 'graphology-metrics/graph/modularity';
import type { GraphIndex } from '../graph-index';

/**
 * modularity (Newman 2006), of a given partition on the unweighted graph, resolution 1:
 * Q = Σ_c [ L_c/m − (D_c/2m)² ], with L_c the ties inside community c and D_c the sum of
 * its degrees; the same as networkx.community.modularity. Computed through
 * graphology-metrics (getEdgeWeight: null). The snapshot passes the Louvain partition
 * (../actor/community.ts). 0 without ties (networkx divides by zero there).
 */
export function modularity<N extends Attributes, E extends Attributes>(
  graph: Graph<N, E>,
  index: GraphIndex,
  membership: ArrayLike<number>,
): number {
  if (index.size === 0) return 0;
  return modularityOf(graph as unknown as Graph, {
    getEdgeWeight: null,
    getNodeCommunity: (node: string) => membership[index.position.get(node)!]!,
  });
}
