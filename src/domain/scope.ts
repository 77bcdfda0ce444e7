import { InvalidInputError } from './errors';
import type { ActorKind } from './actor';
import type { InteractionKind } from './interaction';

/** Which interactions and actors a network is built from; empty or absent means all. */
export interface Scope {
  readonly actorKinds?: readonly ActorKind[] | null;
  readonly interactionKinds?: readonly InteractionKind[] | null;
}

/**
 * The kinds a scope (or a candidate filter) names, checked against `known`: null for none;
 * otherwise in `known`'s order without repeats, so equal scopes compare equal. Throws
 * InvalidInputError naming `field[i]` for a kind that is not known.
 */
export function checkKinds<K extends string>(kinds: readonly string[] | null | undefined, known: readonly K[], field: string): K[] | null {
  if (!kinds || kinds.length === 0) return null;
  kinds.forEach((kind, i) => {
    if (!(known as readonly string[]).includes(kind))
      throw new InvalidInputError(`${field}[${i}]`, kind, `is not one of ${known.join(', ')}`);
  });
  return known.filter((kind) => kinds.includes(kind));
}
