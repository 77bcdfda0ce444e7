import type { AbstractGraph, Attributes } from 'graphology-types';
import { compareIds } from '../projection/compare-ids';

/**
 * A compact, read-only view of an undirected simple graph for the metric kernels:
 * node i is `ids[i]` (ids in compareIds order, so every per-actor array lines up with
 * the snapshot's actor list), its neighbours are `neighbors[offsets[i] .. offsets[i+1])`
 * in ascending order. Every edge appears twice, once per endpoint.
 */
export interface GraphIndex {
  readonly ids: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  /** Number of edges (ties). */
  readonly size: number;
}

/** Indexes an undirected graphology graph; self-loops are ignored, parallel edges not allowed. */
export function indexGraph<N extends Attributes, E extends Attributes, G extends Attributes>(
  graph: AbstractGraph<N, E, G>,
): GraphIndex {
  if (graph.type !== 'undirected' || graph.multi) throw new Error('indexGraph needs an undirected simple graph');
  const ids = graph.nodes().sort(compareIds);
  const position = new Map<string, number>();
  ids.forEach((id, i) => position.set(id, i));
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  const ends: number[] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    const s = position.get(source)!;
    const t = position.get(target)!;
    ends.push(s, t);
    offsets[s + 1]! += 1;
    offsets[t + 1]! += 1;
  });
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const neighbors = new Int32Array(ends.length);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < ends.length; e += 2) {
    const s = ends[e]!;
    const t = ends[e + 1]!;
    neighbors[fill[s]!++] = t;
    neighbors[fill[t]!++] = s;
  }
  for (let i = 0; i < n; i++) neighbors.subarray(offsets[i]!, offsets[i + 1]!).sort();
  return { ids, position, offsets, neighbors, size: ends.length / 2 };
}

/** Degree of node i. */
export function degreeAt(index: GraphIndex, i: number): number {
  return index.offsets[i + 1]! - index.offsets[i]!;
}

/** A per-node array as a plain object keyed by actor id (for tests and debugging). */
export function byId(index: GraphIndex, values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  index.ids.forEach((id, i) => (out[id] = values[i]!));
  return out;
}
