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
