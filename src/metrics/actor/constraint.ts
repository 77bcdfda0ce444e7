import { degreeAt, type GraphIndex } from '../graph-index';
import { triangleTallies } from '../triangles';

/**
 * Burt's constraint, unweighted (networkx `constraint(G)`; Burt, "Structural Holes",
 * 1992): how much an actor's ties are tied to each other, so how little room it has to
 * broker. With p(u, v) = 1/deg(u) for a tie u–v,
 *   c(v) = Σ_{j ∈ N(v)} ( p(v, j) + Σ_{q ∈ N(v) ∩ N(j)} p(v, q)·p(q, j) )²
 *        = Σ_{j ∈ N(v)} ( (1 + Σ_{q ∈ N(v) ∩ N(j)} 1/deg(q)) / deg(v) )².
 * Low values mark brokers: the centre of a star has 1/deg, a member of a clique of k has
 * about 1. networkx gives NaN to an actor without ties; copnet gives 0 (a tie network has
 * no such actor).
 *
 * The sums over common neighbours are taken per tie by listing each triangle once
 * (../triangles.ts, O(m^1.5)): a triangle u–v–w adds 1/deg(w) to tie u–v, 1/deg(u) to v–w
 * and 1/deg(v) to u–w.
 */
export function constraint(index: GraphIndex, corners: Float64Array = triangleTallies(index, true).corners!): Float64Array {
  const n = index.ids.length;
  const { offsets } = index;
  const shared = sharedNeighbourSums(index, corners);
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const d = degreeAt(index, v);
    if (d === 0) continue;
    let sum = 0;
    const end = offsets[v + 1]!;
    for (let e = offsets[v]!; e < end; e++) {
      const term = (1 + shared[e]!) / d;
      sum += term * term;
    }
    out[v] = sum;
  }
  return out;
}

/**
 * For every CSR entry e = (v → j): Σ_{q ∈ N(v) ∩ N(j)} 1/deg(q). Each triangle adds its
 * third corner's 1/deg to one entry of each of its ties (`corners`, ../triangles.ts
 * triangleTallies); the two entries of a tie are then added together (the sum is symmetric).
 */
function sharedNeighbourSums(index: GraphIndex, corners: Float64Array): Float64Array {
  const m2 = index.neighbors.length;
  const reverse = reverseEntries(index);
  const total = new Float64Array(m2);
  for (let e = 0; e < m2; e++) total[e] = corners[e]! + corners[reverse[e]!]!;
  return total;
}

/**
 * reverse[e] is the entry of the same tie seen from its other end. Rows are sorted, so
 * visiting v = 0, 1, … meets the entries (w → v) of each w in row order: one cursor per node.
 */
export function reverseEntries(index: GraphIndex): Int32Array {
  const n = index.ids.length;
  const { offsets, neighbors } = index;
  const cursor = offsets.slice(0, n);
  const reverse = new Int32Array(neighbors.length);
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1]!;
    for (let e = offsets[v]!; e < end; e++) {
      const w = neighbors[e]!;
      const back = cursor[w]!;
      reverse[e] = back;
      cursor[w] = back + 1;
    }
  }
  return reverse;
}
