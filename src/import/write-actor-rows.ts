import { chunks } from '../domain/chunks';
import { sameActor, validateActorInput, type Actor } from '../domain/actor';
import type { Store } from '../store/store';
import type { ActorRow } from './check-actor-rows';
import { rowName } from './row-location';
import type { WriteCounts } from './table-counts';

/** Upserts the checked actors that are new or differ from the stored ones, in one batch. */
export async function writeActorRows(store: Store, valid: ReadonlyMap<string, ActorRow>): Promise<WriteCounts> {
  const actors = [...valid.values()].map(({ input, at }) => validateActorInput(input, rowName(at)));
  const changed: Actor[] = [];
  for (const chunk of chunks(actors, 1000)) {
    const stored = await store.getActorsByIds(chunk.map((actor) => actor.id));
    chunk.forEach((actor, i) => {
      if (!sameActor(actor, stored[i] ?? null)) changed.push(actor);
    });
  }
  // One batch, so an affiliation may name an actor further down the file.
  if (changed.length > 0) await store.upsertActors(changed);
  return { written: changed.length, alreadyPresent: actors.length - changed.length, alreadyPresentDifferent: 0 };
}
