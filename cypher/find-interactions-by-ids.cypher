// Returns the interactions with the given ids (unknown ids are simply absent).
// participants comes unordered as {position, id} maps; the adapter orders it by position.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, i.occurredAt AS occurredAt,
       i.weight AS weight, i.note AS note,
       head([(initiator:Actor)-[:INITIATED]->(i) | initiator.id]) AS initiatorId,
       [(i)-[involved:INVOLVED]->(participant:Actor) | {position: involved.position, id: participant.id}] AS participants
