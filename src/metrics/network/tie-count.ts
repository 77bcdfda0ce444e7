import type { GraphIndex } from '../graph-index';

/** tieCount: m, the distinct pairs of actors tied in the window (repeated interactions count once). */
export function tieCount(index: GraphIndex): number {
  return index.size;
}
