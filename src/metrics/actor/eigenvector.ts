import { componentOrder } from '../connected-components';
import type { GraphIndex } from '../graph-index';

/** networkx's limit: it raises PowerIterationFailedConvergence after this many steps. */
export const NETWORKX_EIGENVECTOR_MAX_ITER = 100;
/** copnet keeps iterating up to this many steps before settling for the last iterate. */
export const EIGENVECTOR_MAX_ITER = 10_000;
const TOLERANCE = 1e-6;
/**
 * A component's direction counts as settled once a step moves it less than this (L1, unit
 * vector) and the steps still shrink (by 10% or more): what it could still move, at most
 * step·r/(1 − r) for a contraction r ≤ 0.9, is then below 1e-13.
 */
const SETTLED = 1e-14;

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
 *
 * The slow cases are the disconnected ones, where most steps only move mass between
 * components whose directions settled long ago. So the iteration runs per component:
 * each component c keeps its own unit direction y_c and its share w_c (x = w_c·y_c on c),
 * the step computes (A + I)y_c and its length g_c, and the global normalisation becomes
 * w_c ← w_c·g_c / ‖(w·g)‖ — the same iterate, the same convergence test (Σ|x − x_last|
 * over every node). Once a component's direction has settled, its step is g_c (its
 * leading eigenvalue, which is stationary to second order) and its part of the test is
 * |Δw_c|·‖y_c‖₁: no more passes over its ties. The figures equal the whole-graph
 * iteration (wholeGraphEigenvector) to about 1e-13.
 */
export function eigenvectorCentrality(index: GraphIndex): Float64Array {
  const n = index.ids.length;
  const { offsets, neighbors } = index;
  const { order, starts } = componentOrder(index);
  const k = starts.length - 1;
  const y = new Float64Array(n);
  const next = new Float64Array(n);
  const share = new Float64Array(k);
  const growth = new Float64Array(k);
  const mass = new Float64Array(k); // ‖y_c‖₁
  const moved = new Float64Array(k).fill(Infinity);
  const settled = new Uint8Array(k);
  // x = 1/n everywhere: y_c = 1/√|c|, w_c = √|c|/n
  for (let c = 0; c < k; c++) {
    const size = starts[c + 1]! - starts[c]!;
    for (let i = starts[c]!; i < starts[c + 1]!; i++) y[order[i]!] = 1 / Math.sqrt(size);
    share[c] = Math.sqrt(size) / n;
  }
  for (let iteration = 0; iteration < EIGENVECTOR_MAX_ITER; iteration++) {
    let sumSquares = 0;
    for (let c = 0; c < k; c++) {
      if (!settled[c]) {
        let squares = 0;
        for (let i = starts[c]!; i < starts[c + 1]!; i++) {
          const v = order[i]!;
          let sum = y[v]!;
          const end = offsets[v + 1]!;
          for (let j = offsets[v]!; j < end; j++) sum += y[neighbors[j]!]!;
          next[v] = sum;
          squares += sum * sum;
        }
        growth[c] = Math.sqrt(squares);
      }
      const grown = share[c]! * growth[c]!;
      sumSquares += grown * grown;
    }
    const norm = Math.sqrt(sumSquares) || 1;
    let change = 0;
    for (let c = 0; c < k; c++) {
      const was = share[c]!;
      const now = (was * growth[c]!) / norm;
      share[c] = now;
      if (settled[c]) {
        change += Math.abs(now - was) * mass[c]!;
        continue;
      }
      const g = growth[c]!;
      let step = 0;
      let l1 = 0;
      for (let i = starts[c]!; i < starts[c + 1]!; i++) {
        const v = order[i]!;
        const direction = next[v]! / g;
        change += Math.abs(now * direction - was * y[v]!);
        step += Math.abs(direction - y[v]!);
        l1 += direction;
        y[v] = direction; // the gather is done: y can take the new direction in place
      }
      mass[c] = l1;
      if (step < SETTLED && step <= 0.9 * moved[c]!) settled[c] = 1;
      moved[c] = step;
    }
    if (change < n * TOLERANCE) break;
  }
  const x = new Float64Array(n);
  for (let c = 0; c < k; c++) for (let i = starts[c]!; i < starts[c + 1]!; i++) x[order[i]!] = share[c]! * y[order[i]!]!;
  return x;
}

/** The whole-graph power iteration eigenvectorCentrality replaced, step for step networkx's (the tests' reference). */
export function wholeGraphEigenvector(index: GraphIndex): Float64Array {
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
