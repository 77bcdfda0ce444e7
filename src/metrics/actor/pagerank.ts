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

/**
 * One power iteration. graphology scatters each row i in index order: x[u] += 0.85·x_last[i]·w_i
 * for its neighbours u, and x[i] += the teleport share when row i is reached. So x[v] receives,
 * from 0, its neighbours' terms in ascending order with the teleport share between the
 * neighbours below v and those above. Gathering row v in that order (rows are ascending) makes
 * the same additions in the same order, with each term computed once per node rather than once
 * per tie: the same bits, without writing all over x.
 */
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
  const term = new Float64Array(n); // 0.85·x_last[i]·w_i, as graphology computes it
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    [last, x] = [x, last];
    let dangleSum = 0;
    for (const i of dangling) dangleSum += last[i]!;
    dangleSum *= ALPHA;
    const teleport = dangleSum * p + (1 - ALPHA) * p;
    for (let i = 0; i < n; i++) term[i] = ALPHA * last[i]! * share[i]!;
    let error = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      let j = offsets[v]!;
      const end = offsets[v + 1]!;
      for (; j < end && neighbors[j]! < v; j++) sum += term[neighbors[j]!]!;
      sum += teleport;
      for (; j < end; j++) sum += term[neighbors[j]!]!;
      x[v] = sum;
      error += Math.abs(sum - last[v]!);
    }
    if (error < n * TOLERANCE) return x;
  }
  return null;
}
