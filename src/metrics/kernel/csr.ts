import type { AbstractGraph, Attributes } from 'graphology-types';

/**
 * Compressed sparse row (CSR) adjacency of an undirected simple graph: node i is `ids[i]`,
 * its neighbours are `neighbors[offsets[i] .. offsets[i + 1])`, ascending. Every edge is
 * stored twice (once per endpoint), so `neighbors.length` is twice the edge count.
 *
 * `ids` are sorted (JavaScript string order), so the same graph always gives the same
 * indices.
 */
export interface Csr {
  readonly ids: readonly string[];
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
}

/** Builds the CSR of an undirected graphology graph. Self-loops are ignored. */
export function toCsr<N extends Attributes, E extends Attributes, G extends Attributes>(graph: AbstractGraph<N, E, G>): Csr {
  if (graph.type !== 'undirected') throw new Error(`toCsr needs an undirected graph, got a ${graph.type} one`);
  if (graph.multi) throw new Error('toCsr needs a simple graph, got a multigraph');
  const ids = graph.nodes().sort(compareIds);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  let m = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    sources[m] = index.get(source) as number;
    targets[m] = index.get(target) as number;
    m += 1;
  });
  return csrFromEdges(ids, sources.subarray(0, m), targets.subarray(0, m));
}

/**
 * Builds a CSR from an edge list over node indices 0..ids.length-1. Each pair must appear
 * once (in either direction) and no edge may be a self-loop: this is the simple graph.
 */
export function csrFromEdges(ids: readonly string[], sources: Int32Array, targets: Int32Array): Csr {
  const n = ids.length;
  const m = sources.length;
  if (targets.length !== m) throw new Error(`csrFromEdges: ${m} sources but ${targets.length} targets`);
  const offsets = new Int32Array(n + 1);
  const neighbors = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const s = sources[e] as number;
    const t = targets[e] as number;
    if (s === t || s < 0 || t < 0 || s >= n || t >= n) throw new Error(`csrFromEdges: bad edge ${s}-${t} for ${n} nodes`);
    offsets[s + 1] = (offsets[s + 1] as number) + 1;
    offsets[t + 1] = (offsets[t + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < m; e++) {
    const s = sources[e] as number;
    const t = targets[e] as number;
    const ps = fill[s] as number;
    const pt = fill[t] as number;
    neighbors[ps] = t;
    neighbors[pt] = s;
    fill[s] = ps + 1;
    fill[t] = pt + 1;
  }
  for (let i = 0; i < n; i++) neighbors.subarray(offsets[i], offsets[i + 1]).sort();
  return { ids, offsets, neighbors };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
