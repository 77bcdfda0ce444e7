import type { ActorKind } from './actor';

/**
 * Tie classes: every tie of a window's network has exactly one, tested in this order:
 * - FOUNDATION: at least one end is a FOUNDATION;
 * - WITHIN_NETWORK: both ends have a network (see actor-network.ts) and it is the same;
 * - CROSS_NETWORK: both ends have a network and they differ;
 * - OTHER: everything else (a support partner or an unaffiliated school at one end, no foundation).
 */
export const TIE_CLASSES = ['FOUNDATION', 'WITHIN_NETWORK', 'CROSS_NETWORK', 'OTHER'] as const;
export type TieClass = (typeof TIE_CLASSES)[number];

/** What the tie class reads of each end: its kind and its network (null for none). */
export interface TieEnd {
  readonly kind: ActorKind;
  readonly networkId: string | null;
}

export function tieClassOf(a: TieEnd, b: TieEnd): TieClass {
  if (a.kind === 'FOUNDATION' || b.kind === 'FOUNDATION') return 'FOUNDATION';
  if (a.networkId === null || b.networkId === null) return 'OTHER';
  return a.networkId === b.networkId ? 'WITHIN_NETWORK' : 'CROSS_NETWORK';
}

/**
 * The same rule over numbers, for the metric kernels: `foundation` tells whether an end is
 * a FOUNDATION, networks are numbers (−1 for none). Returns the index into TIE_CLASSES.
 */
export function tieClassIndex(foundationA: boolean, networkA: number, foundationB: boolean, networkB: number): number {
  if (foundationA || foundationB) return 0;
  if (networkA < 0 || networkB < 0) return 3;
  return networkA === networkB ? 1 : 2;
}
