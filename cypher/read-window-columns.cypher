// The columns of stream-window's interactions that a series keeps (same conditions, same (occurredAt, id) order,
// the occurredAt index giving the order): occurredAt as a float of epoch milliseconds, so the driver decodes no
// DATETIME per row, and no externalId or note.
MATCH (i:Interaction)
WHERE i.occurredAt >= $fromInclusive AND i.occurredAt < $toExclusive AND i.deletedAt IS NULL
  AND ($interactionKinds IS NULL OR i.kind IN $interactionKinds)
  AND ($actorKinds IS NULL OR EXISTS {
        MATCH (i)-[:INITIATED|INVOLVED]-(scoped:Actor)
        WHERE scoped.kind IN $actorKinds
      })
RETURN toFloat(i.occurredAt.epochMillis) AS occurredAt, i.kind AS kind, i.weight AS weight, i.initiatorId AS initiatorId,
       i.participantIds AS participants, i.id AS id
ORDER BY i.occurredAt, i.id
