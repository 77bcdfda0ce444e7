import type { Services } from '../graphql/context';
import type { Store } from '../store/store';
import { ActorService } from './actor-service';
import { InteractionService } from './interaction-service';

/** Wires the use cases over one store. */
export function createServices(store: Store): Services {
  return {
    store,
    actors: new ActorService(store),
    interactions: new InteractionService(store),
  };
}
