import { tieClassIndex } from '../../domain/tie-class';
import { FOUNDATION_KIND, type ActorClasses } from '../actor-classes';
import type { GraphIndex } from '../graph-index';

/** How many ties of each class (src/domain/tie-class.ts) a window has. */
export interface TieClassCounts {
  readonly foundation: number;
  readonly withinNetwork: number;
  readonly crossNetwork: number;
  readonly other: number;
}

/** The shares of the window's ties in each class: they sum to 1, all 0 without ties. */
export type TieMix = TieClassCounts;

/** Counts the window's ties by class, each tie once. */
export function tieClassCounts(index: GraphIndex, classes: ActorClasses): TieClassCounts {
  const counts = [0, 0, 0, 0];
  const { offsets, neighbors } = index;
  const { kinds, networks } = classes;
  for (let v = 0; v < index.ids.length; v++) {
    const fv = kinds[v] === FOUNDATION_KIND;
    const nv = networks[v]!;
    const end = offsets[v + 1]!;
    for (let j = offsets[v]!; j < end; j++) {
      const w = neighbors[j]!;
      if (w > v) counts[tieClassIndex(fv, nv, kinds[w] === FOUNDATION_KIND, networks[w]!)]! += 1;
    }
  }
  return { foundation: counts[0]!, withinNetwork: counts[1]!, crossNetwork: counts[2]!, other: counts[3]! };
}

/**
 * tieMix: each class's count divided by the window's tie count (all 0 without ties).
 * crossNetworkTieShare is its crossNetwork share.
 */
export function tieMix(counts: TieClassCounts): TieMix {
  const total = counts.foundation + counts.withinNetwork + counts.crossNetwork + counts.other;
  if (total === 0) return { foundation: 0, withinNetwork: 0, crossNetwork: 0, other: 0 };
  return {
    foundation: counts.foundation / total,
    withinNetwork: counts.withinNetwork / total,
    crossNetwork: counts.crossNetwork / total,
    other: counts.other / total,
  };
}
