import type { Csr } from './csr';
import { foldTrees } from './tree-folding';

/**
 * The size of the largest biconnected block (maximal subgraph without a cut vertex, ≥ 2
 * nodes) of an undirected simple graph, by Hopcroft–Tarjan's depth-first search with an
 * explicit stack: a block closes at v's parent p when low(v) ≥ disc(p). What a
 * biconnected decomposition of betweenness (Puzis et al. 2012) could gain is bounded by
 * it: the largest block still runs Brandes over all of its nodes. 0 without an edge.
 */
export function largestBlockSize(csr: Pick<Csr, 'offsets' | 'neighbors'>): number {
  const { offsets, neighbors } = csr;
  const n = offsets.length - 1;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const next = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const path = new Int32Array(n); // the depth-first path
  const open = new Int32Array(n); // nodes not yet in a closed block, in discovery order
  let time = 0;
  let largest = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root]! >= 0) continue;
    disc[root] = low[root] = time++;
    next[root] = offsets[root]!;
    let depth = 0;
    path[depth++] = root;
    let openLength = 0;
    open[openLength++] = root;
    while (depth > 0) {
      const v = path[depth - 1]!;
      if (next[v]! < offsets[v + 1]!) {
        const w = neighbors[next[v]!++]!;
        if (disc[w]! < 0) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          next[w] = offsets[w]!;
          path[depth++] = w;
          open[openLength++] = w;
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v]!, disc[w]!);
        }
        continue;
      }
      depth -= 1;
      if (depth === 0) continue;
      const p = path[depth - 1]!;
      low[p] = Math.min(low[p]!, low[v]!);
      if (low[v]! >= disc[p]!) {
        // the block is p and the open nodes from v on
        let size = 1;
        for (;;) {
          const x = open[--openLength]!;
          size += 1;
          if (x === v) break;
        }
        largest = Math.max(largest, size);
      }
    }
  }
  return largest;
}

/**
 * The 2-core's actors (what degree-1 folding leaves with a tie) and, of them, the share
 * in the graph's largest biconnected block (measured on the folded core: folding removes
 * only tree nodes, which are blocks of 2 on their own). 0 for a graph without a 2-core.
 */
export function largestBlockShare(csr: Pick<Csr, 'offsets' | 'neighbors'>): { readonly coreActors: number; readonly share: number } {
  const folding = foldTrees(csr);
  const core = { offsets: folding.coreOffsets, neighbors: folding.coreNeighbors };
  let coreActors = 0;
  for (let i = 0; i + 1 < core.offsets.length; i++) if (core.offsets[i + 1]! > core.offsets[i]!) coreActors += 1;
  return { coreActors, share: coreActors === 0 ? 0 : largestBlockSize(core) / coreActors };
}
