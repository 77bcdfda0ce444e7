// Returns the interactions with the given ids (unknown ids are simply absent), deleted ones flagged.
// participants comes unordered as {position, id} maps; the adapter orders it by position.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, i.occurredAt AS occurredAt,
       i.weight AS weight, i.note AS note, i.deletedAt IS NOT NULL AS deleted,
       head([(initiator:Actor)-[:INITIATED]->(i) | initiator.id]) AS initiatorId,
       [(i)-[involved:INVOLVED]->(participant:Actor) | {position: involved.position, id: participant.id}] AS participants
