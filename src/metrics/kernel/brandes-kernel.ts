/* istanbul ignore file -- the kernel is serialised into worker threads with Function#toString, so it must not be instrumented. */

/**
 * Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
 * J. Math. Sociol. 25(2), 2001) for an unweighted undirected graph in CSR form, one
 * breadth-first search per source, giving both:
 *
 * - the raw betweenness dependencies: for every source s in [first, last) and every node
 *   v ≠ s, δ_s(v) = Σ_{t ≠ s, v} σ_st(v) / σ_st is added to `betweenness[v]` (ordered
 *   pairs, so each unordered pair counts twice, as in networkx and graphology before
 *   rescaling);
 * - the closeness of each source, networkx's definition with Wasserman–Faust scaling:
 *   closeness(s) = (r − 1)/Σ_t d(s, t) × (r − 1)/(n − 1), where r counts the nodes s
 *   reaches, itself included; 0 when s reaches nobody. Written to `closeness[s − first]`.
 *
 * Hot-path choices: no allocation per source (the scratch arrays are made once per
 * thread), the BFS queue doubles as the stack of the backward pass, and no predecessor
 * lists: in reverse BFS order each node v pulls from its neighbours one level further,
 * P(v) = Σ_{w: d(w) = d(v)+1} c(w), then δ(v) = σ(v) P(v) and c(v) = (1 + δ(v))/σ(v) =
 * 1/σ(v) + P(v), so each node is written once and divided once.
 *
 * This function must stay self-contained (no imports, no outer variables, no helpers):
 * the worker pool ships its source text to worker threads.
 */
export function accumulateBrandes(
  offsets: Int32Array,
  neighbors: Int32Array,
  first: number,
  last: number,
  betweenness: Float64Array,
  closeness: Float64Array,
  scratch: BrandesScratch,
): void {
  const n = offsets.length - 1;
  const dist = scratch.dist;
  const sigma = scratch.sigma;
  const coef = scratch.coef;
  const queue = scratch.queue;
  for (let s = first; s < last; s++) {
    // Forward pass: BFS from s counting shortest paths (σ) and summing distances.
    queue[0] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let head = 0;
    let tail = 1;
    let total = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      total += next - 1;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbors[j]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = next;
          sigma[w] = sv;
          queue[tail++] = w;
        } else if (dw === next) {
          sigma[w] = sigma[w]! + sv;
        }
      }
    }
    const reached = tail - 1;
    closeness[s - first] = total > 0 ? (reached / total) * (reached / (n - 1)) : 0;

    // Backward pass, farthest level first. Nodes on the last level have no successor.
    const farthest = dist[queue[tail - 1]!]!;
    let i = tail - 1;
    for (; i > 0 && dist[queue[i]!] === farthest; i--) coef[queue[i]!] = 1 / sigma[queue[i]!]!;
    for (; i > 0; i--) {
      const v = queue[i]!;
      const next = dist[v]! + 1;
      let pulled = 0;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbors[j]!;
        if (dist[w] === next) pulled += coef[w]!;
      }
      betweenness[v] = betweenness[v]! + sigma[v]! * pulled;
      coef[v] = 1 / sigma[v]! + pulled;
    }
    for (let k = 0; k < tail; k++) dist[queue[k]!] = -1;
  }
}

/** Per-thread working memory of accumulateBrandes, sized for the largest graph seen. */
export interface BrandesScratch {
  /** BFS distance from the current source; −1 = not reached. Must be all −1 between calls. */
  dist: Int32Array;
  sigma: Float64Array;
  coef: Float64Array;
  queue: Int32Array;
}

/** Scratch arrays for graphs of up to `capacity` nodes. Self-contained, like the kernel. */
export function createBrandesScratch(capacity: number): BrandesScratch {
  const dist = new Int32Array(capacity);
  dist.fill(-1);
  return { dist, sigma: new Float64Array(capacity), coef: new Float64Array(capacity), queue: new Int32Array(capacity) };
}
