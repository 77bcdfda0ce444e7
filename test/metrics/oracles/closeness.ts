import type { Attributes } from 'graphology-types';
import type Graph from 'graphology-types';
import closenessOf from 'graphology-metrics/centrality/closeness';
import type { GraphIndex } from '../../../src/metrics/graph-index';

/**
 * Closeness centrality, networkx's closeness_centrality (wf_improved=True): with r the
 * number of actors v reaches (itself included) and Σd the sum of its distances to them,
 * c(v) = (r − 1)/Σd × (r − 1)/(n − 1). On a connected graph that is (n − 1)/Σd; on a
 * disconnected one the second factor (Wasserman & Faust 1994) scales down actors of small
 * components. 0 for an actor with no tie.
 *
 * Reference implementation through graphology-metrics (wassermanFaust: true). The snapshot
 * computes it with betweenness through a PathCentralityEngine (../path-centralities.ts).
 */
export function closeness<N extends Attributes, E extends Attributes>(graph: Graph<N, E>, index: GraphIndex): Float64Array {
  const out = new Float64Array(index.ids.length);
  if (out.length === 0) return out;
  const values = closenessOf(graph, { wassermanFaust: true });
  index.ids.forEach((id, i) => (out[i] = values[id] ?? 0));
  return out;
}
