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
 * - for each source s, what its closeness needs: the number of other nodes it reaches,
 *   `reached[s − first]`, and the sum of their distances, `distances[s − first]`.
 *
 * Sources that are leaves (degree 1, next to a node of degree > 1) are not searched from:
 * a leaf l next to u reaches the same nodes as u through u, so for every v ∉ {u, l}
 * δ_l(v) = δ_u(v), while δ_l(u) = r − 2 (r = the component's size: every path from l
 * passes u). The search from u therefore counts (1 + leaves of u) times, and u gets
 * (leaves of u) × (r − 2) more. A skipped leaf's `reached` and `distances` are left
 * untouched: finishPathMetrics (./path-metrics.ts) derives them from u's.
 *
 * Hot-path choices, none of which changes the result beyond floating-point rounding:
 * - no allocation per source: the scratch arrays are made once per thread;
 * - the leaves above;
 * - direction-optimizing search (S. Beamer, K. Asanović, D. Patterson, "Direction-
 *   optimizing breadth-first search", SC 2012): a level is expanded top-down (scan the
 *   frontier's edges) while that is cheaper, and bottom-up (each not-yet-reached node of
 *   the source's component scans its own edges for neighbours on the frontier, summing
 *   their σ) once the unreached nodes have fewer edges than the frontier. Bottom-up can
 *   not stop at the first parent, since σ needs all of them, but on small-world graphs
 *   it still halves the edges scanned;
 * - no per-node predecessor lists: the shortest-path DAG is recorded in one flat array,
 *   grouped by BFS position: each top-down node's successors, each bottom-up node's
 *   predecessors. The backward pass runs in reverse BFS order with
 *   c(v) = (1 + δ(v))/σ(v) = 1/σ(v) + P(v) and δ(v) = σ(v) P(v), where
 *   P(v) = Σ_{w successor of v} c(w) is pulled from a successor list or pushed by
 *   successors holding predecessor lists. Each node is divided once; no distance tests.
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
  reached: Float64Array,
  distances: Float64Array,
  scratch: BrandesScratch,
): void {
  const n = offsets.length - 1;
  const { dist, sigma, coef, pushed, queue, dag, dagStart, unreached, component, members, memberStart, componentDegrees, leaves } = scratch;

  // Leaves (degree 1) next to a node of degree > 1, counted at that node.
  for (let u = 0; u < n; u++) leaves[u] = 0;
  for (let l = 0; l < n; l++) {
    if (offsets[l + 1]! - offsets[l]! !== 1) continue;
    const u = neighbors[offsets[l]!]!;
    if (offsets[u + 1]! - offsets[u]! > 1) leaves[u] = leaves[u]! + 1;
  }

  // Connected components: `members` lists each component's nodes, so a bottom-up level
  // scans only the source's own component.
  let componentCount = 0;
  let listed = 0;
  for (let u = 0; u < n; u++) component[u] = -1;
  for (let root = 0; root < n; root++) {
    if (component[root]! >= 0) continue;
    memberStart[componentCount] = listed;
    component[root] = componentCount;
    members[listed++] = root;
    let degrees = 0;
    for (let k = memberStart[componentCount]!; k < listed; k++) {
      const v = members[k]!;
      const end = offsets[v + 1]!;
      degrees += end - offsets[v]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbors[j]!;
        if (component[w]! < 0) {
          component[w] = componentCount;
          members[listed++] = w;
        }
      }
    }
    componentDegrees[componentCount++] = degrees;
  }
  memberStart[componentCount] = listed;

  for (let s = first; s < last; s++) {
    if (offsets[s + 1]! - offsets[s]! === 1) {
      const u = neighbors[offsets[s]!]!;
      if (offsets[u + 1]! - offsets[u]! > 1) continue; // a leaf: counted in u's search
    }
    // Forward pass, level by level.
    queue[0] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let tail = 1;
    let levelBegin = 0;
    let level = 0;
    let total = 0;
    let dagLength = 0;
    let bottomUp = false;
    let bottomBegin = n + 1; // BFS positions from here on hold predecessor lists
    let unreachedLength = 0;
    let seenDegrees = 0;
    const c = component[s]!;
    while (levelBegin < tail) {
      const levelEnd = tail;
      const next = level + 1;
      if (!bottomUp) {
        let frontierDegrees = 0;
        for (let i = levelBegin; i < levelEnd; i++) frontierDegrees += offsets[queue[i]! + 1]! - offsets[queue[i]!]!;
        seenDegrees += frontierDegrees;
        const unreachedDegrees = componentDegrees[c]! - seenDegrees;
        // Listing the unreached nodes costs one pass over the component, paid once.
        if (unreachedDegrees + (memberStart[c + 1]! - memberStart[c]!) < frontierDegrees) {
          bottomUp = true;
          bottomBegin = levelEnd;
          for (let i = levelBegin; i < levelEnd; i++) dagStart[i] = dagLength; // their successors push to them
          const end = memberStart[c + 1]!;
          for (let k = memberStart[c]!; k < end; k++) {
            const u = members[k]!;
            if (dist[u]! < 0) unreached[unreachedLength++] = u;
          }
        }
      }
      if (!bottomUp) {
        for (let i = levelBegin; i < levelEnd; i++) {
          const v = queue[i]!;
          dagStart[i] = dagLength;
          const sv = sigma[v]!;
          const end = offsets[v + 1]!;
          for (let j = offsets[v]!; j < end; j++) {
            const w = neighbors[j]!;
            const dw = dist[w]!;
            if (dw < 0) {
              dist[w] = next;
              sigma[w] = sv;
              queue[tail++] = w;
              dag[dagLength++] = w;
            } else if (dw === next) {
              sigma[w] = sigma[w]! + sv;
              dag[dagLength++] = w;
            }
          }
        }
      } else {
        let kept = 0;
        for (let k = 0; k < unreachedLength; k++) {
          const w = unreached[k]!;
          const listBegin = dagLength;
          let sw = 0;
          const end = offsets[w + 1]!;
          for (let j = offsets[w]!; j < end; j++) {
            const v = neighbors[j]!;
            if (dist[v] === level) {
              sw += sigma[v]!;
              dag[dagLength++] = v;
            }
          }
          if (sw > 0) {
            dist[w] = next;
            sigma[w] = sw;
            dagStart[tail] = listBegin;
            queue[tail++] = w;
          } else {
            dagLength = listBegin;
            unreached[kept++] = w;
          }
        }
        unreachedLength = kept;
      }
      total += next * (tail - levelEnd);
      levelBegin = levelEnd;
      level = next;
    }
    dagStart[tail] = dagLength;
    reached[s - first] = tail - 1;
    distances[s - first] = total;

    // Backward pass, in reverse BFS order; the search counts once for s and once per leaf of s.
    const times = 1 + leaves[s]!;
    for (let i = tail - 1; i > 0; i--) {
      const v = queue[i]!;
      const sv = sigma[v]!;
      let pulled = pushed[v]!;
      const end = dagStart[i + 1]!;
      if (i >= bottomBegin) {
        const cv = 1 / sv + pulled;
        for (let k = dagStart[i]!; k < end; k++) pushed[dag[k]!] = pushed[dag[k]!]! + cv;
      } else {
        for (let k = dagStart[i]!; k < end; k++) pulled += coef[dag[k]!]!;
        coef[v] = 1 / sv + pulled;
      }
      betweenness[v] = betweenness[v]! + times * sv * pulled;
    }
    betweenness[s] = betweenness[s]! + leaves[s]! * (tail - 2);
    for (let k = 0; k < tail; k++) {
      dist[queue[k]!] = -1;
      pushed[queue[k]!] = 0;
    }
  }
}

/** Per-thread working memory of accumulateBrandes, sized for the largest graph seen. */
export interface BrandesScratch {
  /** BFS distance from the current source; −1 = not reached. All −1 between sources. */
  dist: Int32Array;
  sigma: Float64Array;
  coef: Float64Array;
  /** P(v) pushed by successors that hold predecessor lists. All 0 between sources. */
  pushed: Float64Array;
  /** Nodes in BFS order; read backwards it is the stack of the backward pass. */
  queue: Int32Array;
  /** DAG edges grouped by BFS position: queue[i]'s list is dag[dagStart[i] .. dagStart[i + 1]). */
  dag: Int32Array;
  dagStart: Int32Array;
  /** The source's component's nodes not reached yet, during bottom-up levels. */
  unreached: Int32Array;
  component: Int32Array;
  members: Int32Array;
  memberStart: Int32Array;
  componentDegrees: Int32Array;
  /** Per node, its neighbours of degree 1 (when its own degree is > 1). */
  leaves: Int32Array;
}

/**
 * Scratch arrays for graphs of up to `nodes` nodes and `edges` edges. Self-contained,
 * like the kernel.
 */
export function createBrandesScratch(nodes: number, edges: number): BrandesScratch {
  const dist = new Int32Array(nodes);
  dist.fill(-1);
  return {
    dist,
    sigma: new Float64Array(nodes),
    coef: new Float64Array(nodes),
    pushed: new Float64Array(nodes),
    queue: new Int32Array(nodes),
    dag: new Int32Array(edges),
    dagStart: new Int32Array(nodes + 1),
    unreached: new Int32Array(nodes),
    component: new Int32Array(nodes),
    members: new Int32Array(nodes),
    memberStart: new Int32Array(nodes + 1),
    componentDegrees: new Int32Array(nodes),
    leaves: new Int32Array(nodes),
  };
}
