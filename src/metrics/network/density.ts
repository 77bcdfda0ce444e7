import type { GraphIndex } from '../graph-index';

/** density (networkx density): 2m / (n(n − 1)), the share of possible ties present; 0 when n ≤ 1. */
export function density(index: GraphIndex): number {
  const n = index.ids.length;
  return n <= 1 ? 0 : (2 * index.size) / (n * (n - 1));
}
