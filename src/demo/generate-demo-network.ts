import type { Actor } from '../domain/actor';
import type { InteractionInput } from '../domain/interaction';
import { buildDemoCast } from './demo-cast';
import { generateDemoInteractions } from './demo-interactions';
import { DemoRandom } from './random';

/** The seed of the shipped demo: the date of the first convening, Seattle, 16 October 2018. */
export const DEMO_SEED = 20181016;

export interface DemoNetwork {
  readonly actors: Actor[];
  /** In chronological order, externalIds `demo-000001`, `demo-000002`, … in that order. */
  readonly interactions: InteractionInput[];
}

/**
 * The demo Community of Practice (see roster.ts for the cast, demo-interactions.ts for the
 * story): a pure function of the seed, so every run, machine and test sees the same data.
 */
export function generateDemoNetwork(seed: number = DEMO_SEED): DemoNetwork {
  const random = new DemoRandom(seed);
  const cast = buildDemoCast(random);
  const interactions = generateDemoInteractions(cast, random);
  return { actors: [...cast.actors], interactions };
}
