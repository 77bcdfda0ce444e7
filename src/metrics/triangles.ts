import { degreeAt, type GraphIndex } from './graph-index';

/**
 * Calls `visit(u, v, w, uv, vw, uw)` once for every triangle u–v–w, where uv, vw and uw are
 * the CSR entries (positions in `index.neighbors`) of its ties u → v, v → w and u → w.
 * Forward algorithm (Schank & Wagner, "Finding, counting and listing all triangles in
 * large graphs", 2005): nodes are ranked by (degree, index) and each triangle is found
 * from its lowest-ranked node, so the work is O(m^1.5) even around a hub of thousands of ties.
 */
export function forEachTriangle(
  index: GraphIndex,
  visit: (u: number, v: number, w: number, uv: number, vw: number, uw: number) => void,
): void {
  const n = index.ids.length;
  const { offsets, neighbors } = index;
  // ranks by (degree, index): numeric keys degree·n + i sorted natively, the order a comparator gave
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = degreeAt(index, i) * n + i;
  keys.sort();
  const rank = new Int32Array(n);
  keys.forEach((key, r) => (rank[key % n] = r));
  const markOwner = new Int32Array(n).fill(-1);
  const markEntry = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const ru = rank[u]!;
    const end = offsets[u + 1]!;
    for (let j = offsets[u]!; j < end; j++) {
      const v = neighbors[j]!;
      if (rank[v]! > ru) {
        markOwner[v] = u;
        markEntry[v] = j;
      }
    }
    for (let j = offsets[u]!; j < end; j++) {
      const v = neighbors[j]!;
      const rv = rank[v]!;
      if (rv <= ru) continue;
      const endV = offsets[v + 1]!;
      for (let k = offsets[v]!; k < endV; k++) {
        const w = neighbors[k]!;
        if (markOwner[w] === u && rank[w]! > rv) visit(u, v, w, j, k, markEntry[w]!);
      }
    }
  }
}

/** Triangles through each node: t(v) = number of pairs of v's neighbours that are tied to each other. */
export function triangleCounts(index: GraphIndex): Float64Array {
  return triangleTallies(index, false).triangles;
}

/**
 * What a snapshot counts of triangles, from one listing: triangleCounts and, with
 * `corners`, for every CSR entry the Σ 1/deg(w) over the third corners w of the
 * triangles on its tie, as constraint sums them (./actor/constraint.ts), added in listing order.
 */
export function triangleTallies(index: GraphIndex, corners: boolean): { triangles: Float64Array; corners: Float64Array | null } {
  const n = index.ids.length;
  const triangles = new Float64Array(n);
  if (!corners) {
    forEachTriangle(index, (u, v, w) => {
      triangles[u]! += 1;
      triangles[v]! += 1;
      triangles[w]! += 1;
    });
    return { triangles, corners: null };
  }
  const inverse = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const d = degreeAt(index, v);
    inverse[v] = d === 0 ? 0 : 1 / d;
  }
  const sums = new Float64Array(index.neighbors.length);
  forEachTriangle(index, (u, v, w, uv, vw, uw) => {
    triangles[u]! += 1;
    triangles[v]! += 1;
    triangles[w]! += 1;
    sums[uv]! += inverse[w]!; // tie u–v, third corner w
    sums[vw]! += inverse[u]!; // tie v–w, third corner u
    sums[uw]! += inverse[v]!; // tie u–w, third corner v
  });
  return { triangles, corners: sums };
}
