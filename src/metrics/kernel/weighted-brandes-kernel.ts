/* istanbul ignore file -- the kernel is serialised into worker threads with Function#toString, so it must not be instrumented. */
import type { BrandesScratch } from './brandes-kernel';

/**
 * Brandes' algorithm with node weights, the core step of degree-1 folding (M. Baglioni,
 * F. Geraci, M. Pellegrini, E. Lastres, "Fast exact computation of betweenness centrality
 * in social networks", ASONAM 2012): the graph is the core left once the trees hanging
 * off it are folded away (./tree-folding.ts), and node v stands for weights[v] nodes
 * (itself and its folded tree), all of which reach the rest of the graph through v.
 *
 * For every source s in [first, last), with the same search as accumulateBrandes
 * (./brandes-kernel.ts: direction-optimizing levels, flat DAG, reverse-BFS pass):
 * - betweenness[v] += w(s) · δ_s(v) with δ_s(v) = Σ_{t ≠ s, v} w(t) σ_st(v)/σ_st, i.e.
 *   c(v) = w(v)/σ(v) + P(v): the pairs between the groups of s and t whose shortest paths
 *   cross v inside the core (pairs that cross v because v is their tree's root are added
 *   in closed form by finishFoldedMetrics);
 * - reached[s − first] = Σ w(t) over the other core nodes t it reaches, and
 *   distances[s − first] = Σ w(t) · d(s, t) over them (integers, exact in a double).
 *
 * With every weight 1 this is plain Brandes. Self-contained, like accumulateBrandes: the
 * worker pool ships its source text to worker threads.
 */
export function accumulateWeightedBrandes(
  offsets: Int32Array,
  neighbors: Int32Array,
  first: number,
  last: number,
  weights: Float64Array,
  betweenness: Float64Array,
  reached: Float64Array,
  distances: Float64Array,
  scratch: BrandesScratch,
): void {
  const n = offsets.length - 1;
  const { dist, sigma, coef, pushed, queue, dag, dagStart, unreached, component, members, memberStart, componentDegrees } = scratch;

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
    // Forward pass, level by level.
    queue[0] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let tail = 1;
    let levelBegin = 0;
    let level = 0;
    let total = 0;
    let reachedWeight = 0;
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
      let levelWeight = 0;
      for (let i = levelEnd; i < tail; i++) levelWeight += weights[queue[i]!]!;
      reachedWeight += levelWeight;
      total += next * levelWeight;
      levelBegin = levelEnd;
      level = next;
    }
    dagStart[tail] = dagLength;
    reached[s - first] = reachedWeight;
    distances[s - first] = total;

    // Backward pass, in reverse BFS order; the search counts once per node folded into s.
    const times = weights[s]!;
    for (let i = tail - 1; i > 0; i--) {
      const v = queue[i]!;
      const sv = sigma[v]!;
      let pulled = pushed[v]!;
      const end = dagStart[i + 1]!;
      if (i >= bottomBegin) {
        const cv = weights[v]! / sv + pulled;
        for (let k = dagStart[i]!; k < end; k++) pushed[dag[k]!] = pushed[dag[k]!]! + cv;
      } else {
        for (let k = dagStart[i]!; k < end; k++) pulled += coef[dag[k]!]!;
        coef[v] = weights[v]! / sv + pulled;
      }
      betweenness[v] = betweenness[v]! + times * sv * pulled;
    }
    for (let k = 0; k < tail; k++) {
      dist[queue[k]!] = -1;
      pushed[queue[k]!] = 0;
    }
  }
}
