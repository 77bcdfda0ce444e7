import DataLoader from 'dataloader';
import type { Actor } from '../domain/actor';
import type { ActorService } from '../services/actor-service';
import type { InteractionService } from '../services/interaction-service';
import type { Store } from '../store/store';

/** The use cases the resolvers call: built once at start-up. */
export interface Services {
  readonly store: Store;
  readonly actors: ActorService;
  readonly interactions: InteractionService;
}

/** Per-request batching: one loader per request, so nothing is cached across users or writes. */
export interface Loaders {
  readonly actor: DataLoader<string, Actor | null>;
}

export interface RequestContext {
  readonly services: Services;
  readonly loaders: Loaders;
}

export function createRequestContext(services: Services): RequestContext {
  return {
    services,
    loaders: {
      actor: new DataLoader((ids: readonly string[]) => services.store.getActorsByIds(ids), { maxBatchSize: 1000 }),
    },
  };
}
