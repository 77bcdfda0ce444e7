import type { GraphIndex } from '../graph-index';

/** actorCount: n, the actors with at least one tie in the window (the network's nodes). */
export function actorCount(index: GraphIndex): number {
  return index.ids.length;
}
