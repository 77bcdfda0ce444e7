// Returns every interaction an actor initiated or took part in, deleted ones included, ordered by id (for merges).
MATCH (:Actor {id: $actorId})-[:INITIATED|INVOLVED]-(i:Interaction)
WITH DISTINCT i
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, i.occurredAt AS occurredAt,
       i.weight AS weight, i.note AS note, i.deletedAt IS NOT NULL AS deleted,
       head([(initiator:Actor)-[:INITIATED]->(i) | initiator.id]) AS initiatorId,
       [(i)-[involved:INVOLVED]->(participant:Actor) | {position: involved.position, id: participant.id}] AS participants
ORDER BY i.id
