import type { Attributes } from 'graphology-types';
import type Graph from 'graphology-types';
import betweennessOf from 'graphology-metrics/centrality/betweenness';
import type { GraphIndex } from '../../../src/metrics/graph-index';

/**
 * Betweenness centrality, exact, unweighted and normalized (networkx
 * betweenness_centrality(normalized=True)): b(v) = Σ_{s≠v≠t} σ_st(v)/σ_st over unordered
 * pairs, divided by (n − 1)(n − 2)/2, the number of pairs v could sit between; 0 when
 * n ≤ 2. σ_st counts shortest paths (Brandes 2001).
 *
 * This is the reference implementation through graphology-metrics (with getEdgeWeight:
 * null: its default would weigh paths by the `weight` attribute). The snapshot computes it
 * together with closeness through a PathCentralityEngine (src/metrics/path-centralities.ts);
 * this oracle lives with the tests, which hold the kernel to it.
 */
export function betweenness<N extends Attributes, E extends Attributes>(graph: Graph<N, E>, index: GraphIndex): Float64Array {
  const out = new Float64Array(index.ids.length);
  if (out.length === 0) return out;
  const values = betweennessOf(graph, { getEdgeWeight: null, normalized: true });
  index.ids.forEach((id, i) => (out[i] = values[id] ?? 0));
  return out;
}
