import type { Interaction } from '../../domain/interaction';

/**
 * The parameters of record-interactions.cypher for one chunk of new interactions: the chunk's
 * distinct actor ids once (`actorIds`), and one row per interaction as a list by position,
 *   [id, externalId, kind, occurredAt (epoch ms), initiator, participants, weight, note]
 * where initiator and participants are places in `actorIds`. Lists rather than maps, and actor
 * ids sent once rather than in every row: the driver packs each map key and value of a row one
 * by one, which was half of copnet's CPU loading the demo network (issue 18; --cpu-prof), and the
 * server decodes each again. The statement rebuilds initiatorId and participantIds from the places.
 */
export interface InteractionBatchRows {
  readonly actorIds: string[];
  readonly interactions: unknown[][];
}

export function interactionBatchToRows(interactions: readonly Interaction[]): InteractionBatchRows {
  const places = new Map<string, number>();
  const placeOf = (id: string): number => {
    let place = places.get(id);
    if (place === undefined) {
      place = places.size;
      places.set(id, place);
    }
    return place;
  };
  const rows = interactions.map((interaction) => [
    interaction.id,
    interaction.externalId,
    interaction.kind,
    interaction.occurredAt.getTime(),
    placeOf(interaction.initiatorId),
    interaction.participantIds.map(placeOf),
    interaction.weight,
    interaction.note,
  ]);
  return { actorIds: [...places.keys()], interactions: rows };
}
