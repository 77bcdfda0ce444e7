import type { ActorKind } from './actor';
import type { InteractionKind } from './interaction';

/** Which interactions and actors a network is built from; empty or absent means all. */
export interface Scope {
  readonly actorKinds?: readonly ActorKind[] | null;
  readonly interactionKinds?: readonly InteractionKind[] | null;
}
