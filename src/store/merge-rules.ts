import type { Actor } from '../domain/actor';
import { InvalidInputError } from '../domain/errors';
import type { Interaction } from '../domain/interaction';

/**
 * Rules both adapters apply when they merge actors or resolve aliases; the adapters only
 * read and write, so SQLite and Neo4j give the same results.
 */

/**
 * An interaction with `sourceId` replaced by `targetId`: as initiator, or in its place among
 * the participants. The target is never listed twice nor as its own participant. Throws
 * when nothing would be left but the target with itself.
 */
export function moveInteraction(interaction: Interaction, sourceId: string, targetId: string): Interaction {
  const initiatorId = interaction.initiatorId === sourceId ? targetId : interaction.initiatorId;
  const participantIds: string[] = [];
  for (const id of interaction.participantIds) {
    const moved = id === sourceId ? targetId : id;
    if (moved !== initiatorId && !participantIds.includes(moved)) participantIds.push(moved);
  }
  if (participantIds.length === 0) {
    throw new InvalidInputError(
      'sourceId',
      sourceId,
      `cannot be merged into ${targetId}: interaction ${interaction.id} is between the two only; delete it first (deleteInteractions)`,
    );
  }
  return { ...interaction, initiatorId, participantIds };
}

/**
 * What a merge does with one of the source's interactions: moves it (moveInteraction), or, for a
 * deleted interaction left between the target and itself, drops it (null): a deleted interaction
 * never blocks a merge, and its content stays in the audit trail (its CREATE and DELETE entries).
 * A live one between the two only still refuses the merge.
 */
export function moveOrDropInteraction(interaction: Interaction, deleted: boolean, sourceId: string, targetId: string): Interaction | null {
  if (deleted && collapsesInMerge(interaction, sourceId, targetId)) return null;
  return moveInteraction(interaction, sourceId, targetId);
}

function collapsesInMerge(interaction: Interaction, sourceId: string, targetId: string): boolean {
  const ends = new Set([sourceId, targetId]);
  return ends.has(interaction.initiatorId) && interaction.participantIds.every((id) => ends.has(id));
}

/**
 * An interaction whose actor ids may be aliases of merged actors, with each alias replaced by
 * the actor it now names; repeats that this creates are dropped. `path` names the interaction
 * in its batch for the error when no participant is left.
 */
export function resolveInteractionAliases(interaction: Interaction, aliases: ReadonlyMap<string, string>, path: string): Interaction {
  if (aliases.size === 0) return interaction;
  const initiatorId = aliases.get(interaction.initiatorId) ?? interaction.initiatorId;
  const participantIds: string[] = [];
  for (const id of interaction.participantIds) {
    const resolved = aliases.get(id) ?? id;
    if (resolved !== initiatorId && !participantIds.includes(resolved)) participantIds.push(resolved);
  }
  if (participantIds.length === 0) {
    throw new InvalidInputError(
      `${path}.participantIds`,
      interaction.participantIds,
      `names only the initiator ${initiatorId} once merged actors are resolved`,
    );
  }
  if (
    initiatorId === interaction.initiatorId &&
    participantIds.length === interaction.participantIds.length &&
    participantIds.every((id, i) => id === interaction.participantIds[i])
  ) {
    return interaction;
  }
  return { ...interaction, initiatorId, participantIds };
}

/**
 * The rows of an actor batch to write, in place: null for a row whose id is the alias of a
 * merged actor (a duplicate's row must never overwrite the actor it was merged into, so
 * re-importing the file it came from writes nothing), the others with aliases in their
 * affiliations replaced by the actors they name (an actor never ends up affiliated with itself).
 */
export function actorsToWrite<A extends { readonly id: string; readonly affiliationId: string | null }>(
  batch: readonly A[],
  aliases: ReadonlyMap<string, string>,
): (A | null)[] {
  return batch.map((actor) => {
    if (aliases.has(actor.id)) return null;
    if (actor.affiliationId === null || !aliases.has(actor.affiliationId)) return actor;
    const affiliationId = aliases.get(actor.affiliationId)!;
    return { ...actor, affiliationId: affiliationId === actor.id ? null : affiliationId };
  });
}

/** Stands for a row actorsToWrite left out, where a check wants one per row: it names no affiliation. */
export const NOT_WRITTEN = { affiliationId: null } as const;

/** Every id an actor batch names: the actors and their affiliations. */
export function idsNamedByActors(batch: readonly { readonly id: string; readonly affiliationId: string | null }[]): string[] {
  const named = new Set<string>();
  for (const actor of batch) {
    named.add(actor.id);
    if (actor.affiliationId !== null) named.add(actor.affiliationId);
  }
  return [...named];
}

/** What an error names the i-th interaction as: `interactions[i]` in a batch, `patch` in a correction. */
export type InteractionPath = (i: number) => string;
export const batchPath: InteractionPath = (i) => `interactions[${i}]`;
export const patchPath: InteractionPath = () => 'patch';

/**
 * A batch of interactions with aliases resolved (`aliases` for the ids not in `known`), checked
 * so that every actor it names exists: the first one (in batch order) that does not throws
 * InvalidInputError naming its place, e.g. `interactions[3].participantIds[1]`.
 */
export function resolveAndRequireActors(
  given: readonly Interaction[],
  known: ReadonlySet<string>,
  aliases: ReadonlyMap<string, string>,
  pathOf: InteractionPath = batchPath,
): readonly Interaction[] {
  const exists = new Set([...known, ...aliases.values()]);
  const batch = given.map((interaction, i) => resolveInteractionAliases(interaction, aliases, pathOf(i)));
  batch.forEach((interaction, i) => {
    const path = pathOf(i);
    if (!exists.has(interaction.initiatorId)) {
      throw new InvalidInputError(`${path}.initiatorId`, interaction.initiatorId, 'is not a known actor');
    }
    interaction.participantIds.forEach((id, p) => {
      if (!exists.has(id)) throw new InvalidInputError(`${path}.participantIds[${p}]`, id, 'is not a known actor');
    });
  });
  return batch;
}

/** Refuses a merge of an actor with itself, or across kinds unless allowed. */
export function checkMerge(source: Actor, target: Actor, allowKindChange: boolean): void {
  if (source.id === target.id) throw new InvalidInputError('targetId', target.id, 'is the source actor itself');
  if (source.kind !== target.kind && !allowKindChange) {
    throw new InvalidInputError(
      'targetId',
      target.id,
      `is a ${target.kind} and ${source.id} a ${source.kind}; pass allowKindChange: true to merge them anyway`,
    );
  }
}

/** The target as a merge leaves it: an affiliation to the source is dropped. */
export function mergedTarget(source: Actor, target: Actor): Actor {
  return { ...target, affiliationId: target.affiliationId === source.id ? null : target.affiliationId };
}
