// Creates interactions with their INITIATED relationship and one INVOLVED relationship per participant,
// numbered by `position` in the order given. The caller passes only new interactions whose actors all exist.
// Rows: {id, externalId, kind, occurredAt (epoch ms), initiatorId, participantIds, weight, note}; nulls set no property.
// occurredAt goes as a number and becomes a DATETIME here: the driver packs a DATETIME parameter slowly.
// The node also keeps initiatorId and participantIds, copies of its relationships that reads return without traversing them,
// and auditSeq, the seq of the batch's INTERACTION_BATCH audit entry (the audit log's interactionId filter finds it by that).
UNWIND $interactions AS row
MATCH (initiator:Actor {id: row.initiatorId})
CREATE (initiator)-[:INITIATED]->(i:Interaction {id: row.id, kind: row.kind, occurredAt: datetime({epochMillis: toInteger(row.occurredAt)}),
                                                 weight: row.weight, initiatorId: row.initiatorId, participantIds: row.participantIds,
                                                 recordedBy: $by, recordedAt: $at, auditSeq: $auditSeq})
SET i.externalId = row.externalId, i.note = row.note
WITH i, row
UNWIND range(0, size(row.participantIds) - 1) AS position
MATCH (participant:Actor {id: row.participantIds[position]})
CREATE (i)-[:INVOLVED {position: position}]->(participant)
