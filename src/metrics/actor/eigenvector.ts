import type { GraphIndex } from '../graph-index';

/** networkx's limit: it raises PowerIterationFailedConvergence after this many steps. */
export const NETWORKX_EIGENVECTOR_MAX_ITER = 100;
/** copnet keeps iterating up to this many steps before settling for the last iterate. */
export const EIGENVECTOR_MAX_ITER = 10_000;
const TOLERANCE = 1e-6;

/**
 * Eigenvector centrality, exactly networkx's eigenvector_centrality (unweighted): power
 * iteration on A + I (the identity shift makes bipartite graphs, e.g. a star, converge
 * instead of oscillating), starting from 1/n everywhere, each step normalised to unit
 * Euclidean length, stopping once Σ|x − x_last| < n·1e-6. So every value networkx returns,
 * copnet returns (to rounding).
 *
 * networkx gives up after 100 steps; graphology-metrics throws. copnet instead carries on
 * with the same iteration up to 10,000 steps, which gives what networkx would with a larger
 * max_iter. That only happens on disconnected graphs whose components have nearly equal
 * leading eigenvalues. On a disconnected graph the result is the converged vector of the
 * whole graph: the component with the largest leading eigenvalue takes the mass and the
 * others decay towards 0 (equal components share it). If even 10,000 steps do not meet the
 * tolerance, the last iterate is returned rather than failing the snapshot.
 * An empty graph gives an empty array.
 */
export function eigenvectorCentrality(index: GraphIndex): Float64Array {
  const n = index.ids.length;
  const { offsets, neighbors } = index;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < EIGENVECTOR_MAX_ITER; iteration++) {
    let sumSquares = 0;
    // (A + I)x gathered row by row: x[v], then x[u] for each neighbour u in ascending order,
    // the same additions in the same order as scattering each row in ascending order (rows are ascending)
    for (let v = 0; v < n; v++) {
      let sum = x[v]!;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) sum += x[neighbors[j]!]!;
      next[v] = sum;
      sumSquares += sum * sum;
    }
    const norm = Math.sqrt(sumSquares) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    const last = x;
    x = next;
    next = last;
    if (change < n * TOLERANCE) break;
  }
  return x;
}
