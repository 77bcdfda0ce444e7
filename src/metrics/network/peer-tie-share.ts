import type { GraphIndex } from '../graph-index';

/**
 * peerTieShare: the share of ties with no FOUNDATION endpoint (intermediaries, schools and
 * support partners tied to each other directly); 0 without ties. `isFoundation(i)` tells
 * whether node i is a FOUNDATION.
 */
export function peerTieShare(index: GraphIndex, isFoundation: (i: number) => boolean): number {
  if (index.size === 0) return 0;
  const { offsets, neighbors } = index;
  let peer = 0;
  for (let v = 0; v < index.ids.length; v++) {
    if (isFoundation(v)) continue;
    const end = offsets[v + 1]!;
    for (let j = offsets[v]!; j < end; j++) {
      const w = neighbors[j]!;
      if (w > v && !isFoundation(w)) peer += 1;
    }
  }
  return peer / index.size;
}
