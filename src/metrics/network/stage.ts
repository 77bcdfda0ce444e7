import type { MainCore } from './main-core';

/**
 * The network-weaving stages of Krebs and Holley ("Building smart communities through
 * network weaving", 2002/2006): scattered fragments, a single hub and its spokes, several
 * hubs tied to each other, and a core with a periphery.
 */
export const STAGES = ['SCATTERED_FRAGMENTS', 'HUB_AND_SPOKE', 'MULTI_HUB', 'CORE_PERIPHERY'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageInputs {
  readonly tieCount: number;
  readonly actorCount: number;
  readonly largestComponentFraction: number;
  readonly largestComponentWithoutHubFraction: number;
  readonly mainCore: MainCore;
}

/**
 * stage, the first rule that holds:
 * 1. SCATTERED_FRAGMENTS when there are no ties or largestComponentFraction < 0.5;
 * 2. HUB_AND_SPOKE when largestComponentWithoutHubFraction < 0.5 (the network falls apart
 *    without its hub);
 * 3. CORE_PERIPHERY when the main core has k ≥ 3, holds at most half of the actors and its
 *    density is at least 0.5;
 * 4. MULTI_HUB otherwise.
 */
export function stage(figures: StageInputs): Stage {
  if (figures.tieCount === 0 || figures.largestComponentFraction < 0.5) return 'SCATTERED_FRAGMENTS';
  if (figures.largestComponentWithoutHubFraction < 0.5) return 'HUB_AND_SPOKE';
  const core = figures.mainCore;
  if (core.k >= 3 && core.size <= figures.actorCount / 2 && core.density >= 0.5) return 'CORE_PERIPHERY';
  return 'MULTI_HUB';
}
