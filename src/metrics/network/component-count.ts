import { connectedComponents } from '../connected-components';
import type { GraphIndex } from '../graph-index';

/** componentCount: the number of connected components (groups of actors linked by chains of ties); 0 for an empty network. */
export function componentCount(index: GraphIndex): number {
  return connectedComponents(index).count;
}
