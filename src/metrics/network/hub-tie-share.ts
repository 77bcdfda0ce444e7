import { degreeAt, type GraphIndex } from '../graph-index';

/** hubTieShare: deg(hub) / m, the share of all ties that touch the hub (1 for a star); 0 without ties. */
export function hubTieShare(index: GraphIndex, hub: number): number {
  return hub < 0 || index.size === 0 ? 0 : degreeAt(index, hub) / index.size;
}
