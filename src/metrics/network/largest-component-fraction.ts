import { connectedComponents } from '../connected-components';
import type { GraphIndex } from '../graph-index';

/** largestComponentFraction: size of the largest connected component / n; 0 for an empty network. */
export function largestComponentFraction(index: GraphIndex): number {
  const n = index.ids.length;
  return n === 0 ? 0 : connectedComponents(index).largest / n;
}
