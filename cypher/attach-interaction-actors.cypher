// Links existing interactions to their initiator and, by position, their participants (after detach-interaction-actors).
// Rows: {id, initiatorId, participantIds}; the caller has checked that every actor exists.
UNWIND $interactions AS row
MATCH (i:Interaction {id: row.id})
MATCH (initiator:Actor {id: row.initiatorId})
CREATE (initiator)-[:INITIATED]->(i)
WITH i, row
UNWIND range(0, size(row.participantIds) - 1) AS position
MATCH (participant:Actor {id: row.participantIds[position]})
CREATE (i)-[:INVOLVED {position: position}]->(participant)
