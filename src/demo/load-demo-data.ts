import { validateActorBatch } from '../domain/actor';
import { validateInteractionBatch } from '../domain/interaction';
import type { Store } from '../store/store';
import { DEMO_SEED, generateDemoNetwork } from './generate-demo-network';

/** Interactions written per store call (one transaction each). */
export const DEMO_BATCH_SIZE = 5000;

export interface DemoLoadResult {
  readonly actors: number;
  /** Interactions written by this call. */
  readonly interactionsCreated: number;
  /** Interactions whose externalId was already stored (a second load writes none). */
  readonly interactionsAlreadyPresent: number;
}

/**
 * Loads the demo network into a store through its port: the actors in one batch, then the
 * interactions in batches of DEMO_BATCH_SIZE, each validated by the domain rules first.
 * Idempotent: actors are upserted and interactions carry externalIds (`demo-000001`, …),
 * so a second call writes nothing new. Deciding whether to load (an empty database,
 * COPNET_DEMO_DATA) is the caller's business.
 */
export async function loadDemoData(store: Store, seed: number = DEMO_SEED): Promise<DemoLoadResult> {
  const demo = generateDemoNetwork(seed);
  await store.upsertActors(validateActorBatch(demo.actors));
  let interactionsCreated = 0;
  let interactionsAlreadyPresent = 0;
  for (let start = 0; start < demo.interactions.length; start += DEMO_BATCH_SIZE) {
    const batch = validateInteractionBatch(demo.interactions.slice(start, start + DEMO_BATCH_SIZE));
    for (const recorded of await store.recordInteractions(batch, undefined, 'demo')) {
      if (recorded.created) interactionsCreated += 1;
      else interactionsAlreadyPresent += 1;
    }
  }
  return { actors: demo.actors.length, interactionsCreated, interactionsAlreadyPresent };
}
