// Returns every interaction an actor initiated or took part in, deleted ones included, ordered by id (for merges).
MATCH (:Actor {id: $actorId})-[:INITIATED|INVOLVED]-(i:Interaction)
WITH DISTINCT i
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, toFloat(i.occurredAt.epochMillis) AS occurredAt,
       i.weight AS weight, i.note AS note, i.deletedAt IS NOT NULL AS deleted,
       i.initiatorId AS initiatorId, i.participantIds AS participants
ORDER BY i.id
