import { connectedComponents } from '../connected-components';
import type { GraphIndex } from '../graph-index';

/**
 * largestComponentWithoutHubFraction: the size of the largest connected component once
 * the hub and its ties are removed, divided by n − 1. 1 means the network holds together
 * without its hub; a star falls apart into isolated actors (1/(n − 1)). 0 when n ≤ 1.
 */
export function largestComponentWithoutHubFraction(index: GraphIndex, hub: number): number {
  const n = index.ids.length;
  if (n <= 1 || hub < 0) return 0;
  return connectedComponents(index, hub).largest / (n - 1);
}
