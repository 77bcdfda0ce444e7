import type { GraphIndex } from '../graph-index';

const ALPHA = 0.85;
const TOLERANCE = 1e-6;

/**
 * PageRank with damping 0.85 on the unweighted graph, networkx's pagerank: power
 * iteration from 1/n everywhere, x ← 0.85·(x·P + dangling mass / n) + 0.15/n, stopping once
 * Σ|x − x_last| < n·1e-6. Values sum to 1.
 *
 * This is graphology-metrics' pagerank (getEdgeWeight: null) step for step, on the index
 * instead of a graphology graph: the same products and the same order of additions (node by
 * node in index order, each node's teleport share added when its own row is reached), so on
 * a projection's network (nodes inserted in id order) the figures are bit for bit those
 * graphology gave; building its neighbourhood index per window was most of the cost.
 *
 * Both networkx and graphology give up after 100 steps; on an undirected graph that never
 * happens in practice (the error shrinks by 0.85 a step), but if it did copnet retries
 * with 10,000 steps rather than failing the snapshot. An empty graph gives an empty array.
 */
export function pagerank(index: GraphIndex): Float64Array {
  const n = index.ids.length;
  if (n === 0) return new Float64Array(0);
  const values = iterate(index, 100) ?? iterate(index, 10_000);
  if (values === null) throw new Error(`pagerank: no convergence in 10,000 steps on ${n} actors`);
  return values;
}

function iterate({ offsets, neighbors, ids }: GraphIndex, maxIterations: number): Float64Array | null {
  const n = ids.length;
  const p = 1 / n;
  const share = new Float64Array(n); // 1 / degree, graphology's normalized edge weight
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1]! - offsets[i]!;
    if (d === 0) dangling.push(i);
    share[i] = 1 / d;
  }
  let x = new Float64Array(n).fill(p);
  let last = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    [last, x] = [x, last];
    x.fill(0);
    let dangleSum = 0;
    for (const i of dangling) dangleSum += last[i]!;
    dangleSum *= ALPHA;
    for (let i = 0; i < n; i++) {
      const w = share[i]!;
      const end = offsets[i + 1]!;
      for (let j = offsets[i]!; j < end; j++) x[neighbors[j]!]! += ALPHA * last[i]! * w;
      x[i]! += dangleSum * p + (1 - ALPHA) * p;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs(x[i]! - last[i]!);
    if (error < n * TOLERANCE) return x;
  }
  return null;
}
