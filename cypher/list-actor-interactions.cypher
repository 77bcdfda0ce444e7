// Like list-interactions, for the interactions one actor initiated or took part in: starts from the actor, not the time index.
MATCH (:Actor {id: $actorId})-[:INITIATED|INVOLVED]-(i:Interaction)
WITH DISTINCT i
WHERE i.occurredAt >= $fromInclusive AND i.occurredAt < $toExclusive AND i.deletedAt IS NULL
  AND ($kinds IS NULL OR i.kind IN $kinds)
  AND ($afterId IS NULL OR i.occurredAt > $afterOccurredAt OR i.id > $afterId)
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, toFloat(i.occurredAt.epochMillis) AS occurredAt,
       i.weight AS weight, i.note AS note,
       i.initiatorId AS initiatorId, i.participantIds AS participants
ORDER BY i.occurredAt, i.id
LIMIT $limit
