// Creates interactions with their INITIATED relationship and one INVOLVED relationship per participant,
// numbered by `position` in the order given. The caller passes only new interactions whose actors all exist.
// $actorIds: the chunk's distinct actor ids. Each is sought once here, not once per mention: the unique-index
// seeks per row were a fifth of the server's time (JFR profile, issue 18). Rows name their actors by place in
// $actorIds (initiator, participants: numbers, made integers here) and by id; the WHERE checks the two agree,
// so an actor that is missing (or a list out of order) creates fewer nodes or relationships, which the caller
// counts and refuses. Rows: {id, externalId, kind, occurredAt (epoch ms), initiatorId, initiator, participantIds,
// participants, weight, note}; nulls set no property.
// occurredAt goes as a number and becomes a DATETIME here: the driver packs a DATETIME parameter slowly.
// The node also keeps initiatorId and participantIds, copies of its relationships that reads return without traversing them,
// and auditSeq, the seq of the batch's INTERACTION_BATCH audit entry (the audit log's interactionId filter finds it by that).
UNWIND $actorIds AS actorId
OPTIONAL MATCH (actor:Actor {id: actorId})
WITH collect([actor]) AS actors
UNWIND $interactions AS row
WITH actors, row, actors[toInteger(row.initiator)][0] AS initiator
WHERE initiator.id = row.initiatorId
CREATE (initiator)-[:INITIATED]->(i:Interaction {id: row.id, kind: row.kind, occurredAt: datetime({epochMillis: toInteger(row.occurredAt)}),
                                                 weight: row.weight, initiatorId: row.initiatorId, participantIds: row.participantIds,
                                                 recordedBy: $by, recordedAt: $at, auditSeq: $auditSeq})
SET i.externalId = row.externalId, i.note = row.note
WITH actors, i, row
UNWIND range(0, size(row.participantIds) - 1) AS position
WITH i, position, row, actors[toInteger(row.participants[position])][0] AS participant
WHERE participant.id = row.participantIds[position]
CREATE (i)-[:INVOLVED {position: position}]->(participant)
