import type { AbstractGraph, Attributes } from 'graphology-types';
import type { TieTable } from '../projection/project-network';
import { toCsr } from './kernel/csr';

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

/** Indexes an undirected graphology graph (the kernel's CSR, plus id → position); self-loops are ignored. */
export function indexGraph<N extends Attributes, E extends Attributes, G extends Attributes>(graph: AbstractGraph<N, E, G>): GraphIndex {
  const { ids, offsets, neighbors } = toCsr(graph);
  const position = new Map<string, number>();
  ids.forEach((id, i) => position.set(id, i));
  return { ids, position, offsets, neighbors, size: neighbors.length / 2 };
}

/**
 * The index of a projection's TieTable, without a graphology graph: the same as
 * indexGraph(tieNetworkOf(table)). The table's actors are in id order and its ties in
 * (lo, hi) order, so filling each node's row in tie order leaves it ascending (a node's
 * smaller neighbours come from earlier ties than its larger ones).
 */
export function indexTies(table: TieTable): GraphIndex {
  const n = table.actors.length;
  const { lo, hi } = table;
  const m = lo.length;
  const ids = table.actors.map((actor) => actor.id);
  const position = new Map<string, number>();
  ids.forEach((id, i) => position.set(id, i));
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[lo[e]! + 1]! += 1;
    offsets[hi[e]! + 1]! += 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = lo[e]!;
    const b = hi[e]!;
    neighbors[fill[a]!++] = b;
    neighbors[fill[b]!++] = a;
  }
  return { ids, position, offsets, neighbors, size: m };
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
