import type { TieClassCounts } from './tie-mix';

/**
 * eiIndex: Krackhardt and Stern's E-I index over networks ("Informal networks and
 * organizational crises", 1988), counted in ties: (cross − within) / (cross + within),
 * where cross are the CROSS_NETWORK ties and within the WITHIN_NETWORK ones; foundation
 * and other ties do not enter. −1: every such tie stays inside a network; +1: every one
 * crosses; 0 when there are neither.
 */
export function eiIndex(counts: TieClassCounts): number {
  const both = counts.crossNetwork + counts.withinNetwork;
  return both === 0 ? 0 : (counts.crossNetwork - counts.withinNetwork) / both;
}
