import type { Actor } from '../domain/actor';
import type { Interaction } from '../domain/interaction';
import type { Scope } from '../domain/scope';

/**
 * Scope rules of the projection (an empty or absent list means "all"):
 * - `interactionKinds`: an interaction of another kind contributes nothing;
 * - `actorKinds`: an actor of another kind is not a node, so every tie that would touch
 *   it is dropped; the interaction's other ties still count.
 */
export function interactionInScope(interaction: Pick<Interaction, 'kind'>, scope: Scope): boolean {
  const kinds = scope.interactionKinds;
  return !kinds || kinds.length === 0 || kinds.includes(interaction.kind);
}

export function actorInScope(actor: Pick<Actor, 'kind'>, scope: Scope): boolean {
  const kinds = scope.actorKinds;
  return !kinds || kinds.length === 0 || kinds.includes(actor.kind);
}
