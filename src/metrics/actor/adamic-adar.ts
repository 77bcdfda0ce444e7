/**
 * Adamic–Adar index (networkx `adamic_adar_index`; Adamic and Adar, "Friends and neighbors
 * on the Web", 2003): for two actors u and v not tied to each other,
 *   AA(u, v) = Σ_{w ∈ N(u) ∩ N(v)} 1 / ln(deg(w)),
 * so a common partner with few ties counts more than a hub everyone knows. (A common
 * partner has at least two ties, so ln(deg) > 0.)
 */
export interface AdamicAdarCandidate {
  /** Position of the candidate in the graph. */
  readonly node: number;
  readonly score: number;
  /** Positions of the common neighbours, ascending. */
  readonly via: readonly number[];
}

/** The graph the index reads: CSR rows, ascending (a GraphIndex or SnapshotTies fits). */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
}

/**
 * Every actor at distance two from `u` (not u, not tied to u) that `accept` keeps, with its
 * Adamic–Adar score against u and the common neighbours; in no particular order.
 */
export function adamicAdarCandidates(graph: Adjacency, u: number, accept: (v: number) => boolean): AdamicAdarCandidate[] {
  const { offsets, neighbors } = graph;
  const n = offsets.length - 1;
  const tied = new Uint8Array(n);
  tied[u] = 1;
  for (let e = offsets[u]!; e < offsets[u + 1]!; e++) tied[neighbors[e]!] = 1;
  const scores = new Map<number, { score: number; via: number[] }>();
  for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
    const w = neighbors[e]!; // ascending, so every via list comes out ascending
    const weight = 1 / Math.log(offsets[w + 1]! - offsets[w]!);
    for (let f = offsets[w]!; f < offsets[w + 1]!; f++) {
      const v = neighbors[f]!;
      if (tied[v] || !accept(v)) continue;
      const entry = scores.get(v);
      if (entry) {
        entry.score += weight;
        entry.via.push(w);
      } else {
        scores.set(v, { score: weight, via: [w] });
      }
    }
  }
  return [...scores].map(([node, { score, via }]) => ({ node, score, via }));
}
