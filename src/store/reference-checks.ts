import type { Actor } from '../domain/actor';
import { InvalidInputError } from '../domain/errors';

/**
 * The checks both adapters make against what is stored, with the same messages: each adapter
 * reads what a check needs its own way, inside its write transaction, and throws what these
 * throw (rolling the write back).
 */

/**
 * Every affiliation of an actor batch names an actor that `exists` (stored, or in the batch):
 * the first that does not, in batch order, throws naming `actors[i].affiliationId` with the
 * value as given.
 */
export function requireKnownAffiliations(
  batch: readonly Pick<Actor, 'affiliationId'>[],
  given: readonly Pick<Actor, 'affiliationId'>[],
  exists: (id: string) => boolean,
): void {
  batch.forEach((actor, i) => {
    if (actor.affiliationId !== null && !exists(actor.affiliationId)) {
      throw new InvalidInputError(`actors[${i}].affiliationId`, given[i]!.affiliationId, 'is not a known actor');
    }
  });
}

/** The actor found for `id`, or InvalidInputError naming `field`. */
export function requireActor(found: Actor | null | undefined, id: string, field: string, mergedInto?: string): Actor {
  if (found) return found;
  // An old id after mergeActors: reads follow it, but an actor's own mutations need the actor itself.
  if (mergedInto !== undefined)
    throw new InvalidInputError(field, id, `is the old id of an actor merged into ${mergedInto}, not an actor of its own`);
  throw new InvalidInputError(field, id, 'is not a known actor');
}

/**
 * An actor may be deleted only when nothing live refers to it; otherwise it is merged. Deleted
 * interactions do not count: they go with the actor (their content stays in the audit trail).
 */
export function requireUnreferencedActor(id: string, references: { readonly interactions: number; readonly affiliated: number }): void {
  if (references.interactions > 0) {
    throw new InvalidInputError(
      'id',
      id,
      `has ${references.interactions} interaction(s); merge it into the actor it duplicates instead (mergeActors)`,
    );
  }
  if (references.affiliated > 0) {
    throw new InvalidInputError(
      'id',
      id,
      `has ${references.affiliated} affiliated actor(s); merge it into the actor it duplicates instead (mergeActors)`,
    );
  }
}

/** What a correction found for an interaction id: nothing, or whether it is soft-deleted. */
export type InteractionState = { readonly deleted: boolean } | null | undefined;

/** Corrections other than a restore need the interaction stored and live. */
export function requireLiveInteraction(state: InteractionState, id: string, field: string): void {
  if (!state) throw new InvalidInputError(field, id, 'is not a known interaction');
  if (state.deleted) throw new InvalidInputError(field, id, 'is deleted; restore it first (restoreInteractions)');
}

/** A restore needs the interaction stored and deleted. */
export function requireDeletedInteraction(state: InteractionState, id: string, field: string): void {
  if (!state) throw new InvalidInputError(field, id, 'is not a known interaction');
  if (!state.deleted) throw new InvalidInputError(field, id, 'is not deleted');
}

/** A new token's name must not be that of a token not revoked. */
export function requireFreeTokenName(name: string, taken: boolean): void {
  if (taken) throw new InvalidInputError('name', name, 'is already the name of a token that is not revoked');
}

/** The token not revoked found by `name`, or InvalidInputError naming `name`. */
export function requireActiveToken<T>(found: T | null | undefined, name: string): T {
  if (found === null || found === undefined) throw new InvalidInputError('name', name, 'is not the name of a token that is not revoked');
  return found;
}
