// Returns the interactions carrying the given externalIds, so recording one again creates nothing new.
UNWIND $externalIds AS externalId
MATCH (i:Interaction {externalId: externalId})
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, i.occurredAt AS occurredAt,
       i.weight AS weight, i.note AS note, i.deletedAt IS NOT NULL AS deleted,
       head([(initiator:Actor)-[:INITIATED]->(i) | initiator.id]) AS initiatorId,
       [(i)-[involved:INVOLVED]->(participant:Actor) | {position: involved.position, id: participant.id}] AS participants
