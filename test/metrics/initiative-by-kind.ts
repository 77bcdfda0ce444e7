import type { ActorKind } from '../../src/domain/actor';
import type { KindInitiative } from '../../src/metrics/network/initiative';

/** The order initiatedBy lists the kinds in, spelled out here rather than read from src. */
const KIND_ORDER = ['FOUNDATION', 'INTERMEDIARY', 'SCHOOL', 'SUPPORT_PARTNER'] as const;

/** An expected initiatedBy list, one entry per actor kind in its fixed order, from each kind's [interactions, share]. */
export function initiativeByKind(figures: Record<ActorKind, readonly [interactions: number, share: number]>): KindInitiative[] {
  return KIND_ORDER.map((kind) => ({ kind, interactions: figures[kind][0], share: figures[kind][1] }));
}
