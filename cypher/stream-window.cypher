// Streams the interactions of the window [$fromInclusive, $toExclusive) by an occurredAt range on the index,
// ordered by (occurredAt, id). Null scopes mean "all"; $actorKinds keeps interactions involving at least one such actor.
MATCH (i:Interaction)
WHERE i.occurredAt >= $fromInclusive AND i.occurredAt < $toExclusive AND i.deletedAt IS NULL
  AND ($interactionKinds IS NULL OR i.kind IN $interactionKinds)
  AND ($actorKinds IS NULL OR EXISTS {
        MATCH (i)-[:INITIATED|INVOLVED]-(scoped:Actor)
        WHERE scoped.kind IN $actorKinds
      })
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, toFloat(i.occurredAt.epochMillis) AS occurredAt,
       i.weight AS weight, i.note AS note,
       i.initiatorId AS initiatorId, i.participantIds AS participants
ORDER BY i.occurredAt, i.id
