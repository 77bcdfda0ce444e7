import type { Actor, ActorKind } from './actor';

/**
 * An actor's network (the Network for School Improvement it belongs to), by id:
 * - an INTERMEDIARY is its own network (its id);
 * - a SCHOOL belongs to the network of its affiliation when that affiliation is an
 *   INTERMEDIARY;
 * - FOUNDATION and SUPPORT_PARTNER actors, and schools without an intermediary
 *   affiliation, belong to none (null).
 * The current affiliation applies to every window. `affiliationKind` is the kind of the
 * actor named by `actor.affiliationId` (undefined when the caller does not know it, which
 * counts as "not an intermediary").
 */
export function actorNetworkId(
  actor: Pick<Actor, 'id' | 'kind' | 'affiliationId'>,
  affiliationKind: ActorKind | null | undefined,
): string | null {
  if (actor.kind === 'INTERMEDIARY') return actor.id;
  if (actor.kind === 'SCHOOL' && actor.affiliationId !== null && affiliationKind === 'INTERMEDIARY') return actor.affiliationId;
  return null;
}
