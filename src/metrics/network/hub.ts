import { degreeAt, type GraphIndex } from '../graph-index';

/**
 * hub: the actor with the highest degree, ties broken by the smallest id (compareIds
 * order; the index is in that order, so the first maximum wins). Returns its index,
 * −1 for an empty network (hubId null).
 */
export function hubIndex(index: GraphIndex): number {
  let hub = -1;
  let best = -1;
  for (let i = 0; i < index.ids.length; i++) {
    const d = degreeAt(index, i);
    if (d > best) {
      best = d;
      hub = i;
    }
  }
  return hub;
}
