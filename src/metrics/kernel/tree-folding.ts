import type { Csr } from './csr';

/**
 * Degree-1 folding (Baglioni, Geraci, Pellegrini & Lastres 2012): pendant nodes are
 * peeled off repeatedly (a node whose remaining degree is 1 goes, which may make its
 * neighbour pendant in turn), until every node left has degree ≥ 2, or 0 (what is left of
 * a tree component, or an isolated node). The nodes left are the core; each peeled node x
 * hangs off `parent[x]`, the one neighbour it still had when peeled, so the peeled nodes
 * form trees rooted at core nodes. Every path from a tree node to anything outside its
 * subtree leaves through its parent, which is what makes their betweenness and closeness
 * closed-form (finishFoldedMetrics, ./path-metrics.ts).
 *
 * Per node (CSR numbering), all integers:
 * - `size[x]`: x and the peeled nodes below it (for a core node, the weight it stands for);
 * - `squares[x]`: Σ size(c)² over the peeled children c of x;
 * - `down[x]`: Σ of the distances from x to the peeled nodes below it.
 */
export interface TreeFolding {
  /** CSR indices of the core nodes, ascending. */
  readonly core: Int32Array;
  /** The core's induced subgraph, in core numbering (core node i is CSR node core[i]). */
  readonly coreOffsets: Int32Array;
  readonly coreNeighbors: Int32Array;
  /** −1 for core nodes. */
  readonly parent: Int32Array;
  /** Peeled nodes in the order they were peeled (children before parents). */
  readonly peeled: Int32Array;
  readonly size: Float64Array;
  readonly squares: Float64Array;
  readonly down: Float64Array;
}

export function foldTrees(csr: Pick<Csr, 'offsets' | 'neighbors'>): TreeFolding {
  const { offsets, neighbors } = csr;
  const n = offsets.length - 1;
  const degree = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const gone = new Uint8Array(n);
  const peeled = new Int32Array(n);
  const size = new Float64Array(n).fill(1);
  const squares = new Float64Array(n);
  const down = new Float64Array(n);
  let queued = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = offsets[v + 1]! - offsets[v]!;
    if (degree[v] === 1) peeled[queued++] = v;
  }
  // `peeled` doubles as the queue: a node is peeled when taken, if it still has degree 1
  // (the last two nodes of a tree are both queued; the second one taken has degree 0 and stays).
  let count = 0;
  for (let head = 0; head < queued; head++) {
    const x = peeled[head]!;
    if (degree[x] !== 1) continue;
    let p = -1;
    for (let j = offsets[x]!; j < offsets[x + 1]!; j++) {
      if (gone[neighbors[j]!] === 0) {
        p = neighbors[j]!;
        break;
      }
    }
    gone[x] = 1;
    degree[x] = 0;
    parent[x] = p;
    peeled[count++] = x;
    size[p] = size[p]! + size[x]!;
    squares[p] = squares[p]! + size[x]! * size[x]!;
    down[p] = down[p]! + down[x]! + size[x]!;
    degree[p] = degree[p]! - 1;
    if (degree[p] === 1) peeled[queued++] = p;
  }

  const core = new Int32Array(n - count);
  const rank = new Int32Array(n).fill(-1);
  let k = 0;
  for (let v = 0; v < n; v++) {
    if (gone[v] === 0) {
      rank[v] = k;
      core[k++] = v;
    }
  }
  const coreOffsets = new Int32Array(k + 1);
  let edges = 0;
  for (let i = 0; i < k; i++) {
    edges += degree[core[i]!]!;
    coreOffsets[i + 1] = edges;
  }
  const coreNeighbors = new Int32Array(edges);
  for (let i = 0, at = 0; i < k; i++) {
    const v = core[i]!;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = neighbors[j]!;
      if (gone[w] === 0) coreNeighbors[at++] = rank[w]!; // ascending, as the CSR's rows
    }
  }
  return { core, coreOffsets, coreNeighbors, parent, peeled: peeled.subarray(0, count), size, squares, down };
}
