import type { GraphIndex } from '../graph-index';

/** The main core of a window's network. */
export interface MainCore {
  /** The largest core number; 0 for an empty network. */
  readonly k: number;
  /** Actors in it. */
  readonly size: number;
  /** Density of the ties among them: ties / (size(size − 1)/2); 0 below two actors. */
  readonly density: number;
}

/**
 * mainCore: the k-core of the largest k (networkx `k_core(G)` with k unset): every actor
 * whose core number (../actor/core-number.ts) is the largest.
 */
export function mainCore(index: GraphIndex, cores: ArrayLike<number>): MainCore {
  const n = index.ids.length;
  let k = 0;
  for (let v = 0; v < n; v++) if (cores[v]! > k) k = cores[v]!;
  if (n === 0) return { k: 0, size: 0, density: 0 };
  const { offsets, neighbors } = index;
  let size = 0;
  let ends = 0; // tie ends inside the core: twice its ties
  for (let v = 0; v < n; v++) {
    if (cores[v] !== k) continue;
    size += 1;
    const end = offsets[v + 1]!;
    for (let j = offsets[v]!; j < end; j++) if (cores[neighbors[j]!] === k) ends += 1;
  }
  return { k, size, density: size < 2 ? 0 : ends / (size * (size - 1)) };
}
