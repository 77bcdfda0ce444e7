// A one-time data migration (recorded, so later starts do not rescan): interactions written before copnet kept initiatorId
// and participantIds on the node get them from their relationships (participants by position), so reads need not traverse.
// Idempotent: once every node has them it finds nothing to do.
MATCH (i:Interaction)
WHERE i.participantIds IS NULL
MATCH (initiator:Actor)-[:INITIATED]->(i)
SET i.initiatorId = initiator.id,
    i.participantIds = [k IN range(0, size([(i)-[:INVOLVED]->(:Actor) | 1]) - 1) |
                        head([(i)-[involved:INVOLVED]->(participant:Actor) WHERE involved.position = k | participant.id])]
