import type { Attributes } from 'graphology-types';
import type Graph from 'graphology-types';
import pagerankOf from 'graphology-metrics/centrality/pagerank';
import type { GraphIndex } from '../graph-index';

/**
 * PageRank with damping 0.85 on the unweighted graph, networkx's pagerank: power
 * iteration from 1/n everywhere, x ← 0.85·(x·P + dangling mass / n) + 0.15/n, stopping once
 * Σ|x − x_last| < n·1e-6 (graphology-metrics runs exactly this iteration; edge weights
 * are ignored with getEdgeWeight: null). Values sum to 1.
 *
 * Both networkx and graphology give up after 100 steps; on an undirected graph that never
 * happens in practice (the error shrinks by 0.85 a step), but if it did copnet retries
 * with 10,000 steps rather than failing the snapshot. An empty graph gives an empty array.
 */
export function pagerank<N extends Attributes, E extends Attributes>(graph: Graph<N, E>, index: GraphIndex): Float64Array {
  const out = new Float64Array(index.ids.length);
  if (out.length === 0) return out;
  let values: Record<string, number>;
  try {
    values = pagerankOf(graph, { getEdgeWeight: null, alpha: 0.85, maxIterations: 100, tolerance: 1e-6 });
  } catch {
    values = pagerankOf(graph, { getEdgeWeight: null, alpha: 0.85, maxIterations: 10_000, tolerance: 1e-6 });
  }
  index.ids.forEach((id, i) => (out[i] = values[id] ?? 0));
  return out;
}
