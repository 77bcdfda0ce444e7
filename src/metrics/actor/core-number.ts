import { degreeAt, type GraphIndex } from '../graph-index';

/**
 * Core number (networkx `core_number(G)`): the largest k such that the actor belongs to
 * the k-core, the largest subgraph in which every actor has at least k ties. Batagelj and
 * Zaversnik's O(m) algorithm ("An O(m) algorithm for cores decomposition of networks",
 * 2003): peel actors in order of their remaining degree, bucket-sorted.
 */
export function coreNumber(index: GraphIndex): Int32Array {
  const n = index.ids.length;
  const { offsets, neighbors } = index;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = degreeAt(index, v);
    if (degree[v]! > maxDegree) maxDegree = degree[v]!;
  }
  // bin[d]: first position in `order` of the actors of degree d
  const bin = new Int32Array(maxDegree + 1);
  for (let v = 0; v < n; v++) bin[degree[v]!]! += 1;
  let start = 0;
  for (let d = 0; d <= maxDegree; d++) {
    const count = bin[d]!;
    bin[d] = start;
    start += count;
  }
  const order = new Int32Array(n);
  const position = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    position[v] = bin[degree[v]!]!;
    order[position[v]!] = v;
    bin[degree[v]!]! += 1;
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    const dv = degree[v]!;
    const end = offsets[v + 1]!;
    for (let j = offsets[v]!; j < end; j++) {
      const u = neighbors[j]!;
      const du = degree[u]!;
      if (du > dv) {
        // move u to the front of its bin, then shrink its degree by one
        const pu = position[u]!;
        const pw = bin[du]!;
        const w = order[pw]!;
        if (u !== w) {
          order[pu] = w;
          position[w] = pu;
          order[pw] = u;
          position[u] = pw;
        }
        bin[du]! += 1;
        degree[u] = du - 1;
      }
    }
  }
  return degree;
}
