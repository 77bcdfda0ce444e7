import type { GraphIndex } from './graph-index';

export interface Components {
  /** Number of connected components (an isolated node is one). */
  readonly count: number;
  /** Size of the largest component; 0 for an empty graph. */
  readonly largest: number;
}

/**
 * Connected components by breadth-first search. `without`, when given, is the index of a
 * node treated as removed (with its ties) before counting.
 */
export function connectedComponents(index: GraphIndex, without = -1): Components {
  const n = index.ids.length;
  const { offsets, neighbors } = index;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  if (without >= 0 && without < n) seen[without] = 1;
  let count = 0;
  let largest = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    count += 1;
    seen[s] = 1;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbors[j]!;
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    if (tail > largest) largest = tail;
  }
  return { count, largest };
}

/** The nodes grouped by connected component: component c is `order[starts[c] .. starts[c+1])`, in search order. */
export interface ComponentOrder {
  readonly order: Int32Array;
  readonly starts: Int32Array;
}

/** Every component's nodes, contiguous (breadth-first from each component's smallest node). */
export function componentOrder(index: GraphIndex): ComponentOrder {
  const n = index.ids.length;
  const { offsets, neighbors } = index;
  const seen = new Uint8Array(n);
  const order = new Int32Array(n);
  const starts: number[] = [0];
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    let head = tail;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = neighbors[j]!;
        if (!seen[w]) {
          seen[w] = 1;
          order[tail++] = w;
        }
      }
    }
    starts.push(tail);
  }
  return { order, starts: Int32Array.from(starts) };
}
