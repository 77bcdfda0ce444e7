// Creates interactions with their INITIATED relationship and one INVOLVED relationship per participant,
// numbered by `position` in the order given. The caller passes only new interactions whose actors all exist.
// $actorIds: the chunk's distinct actor ids, each sought once here, not once per mention (the unique-index seeks
// per row were a fifth of the server's time: JFR profile, issue 18). Rows are lists (interaction-batch-rows.ts):
//   [id, externalId, kind, occurredAt (epoch ms), initiator, participants, weight, note]
// with initiator and participants as places in $actorIds (numbers, made integers here); nulls set no property.
// The actors are collected with their places and the whole list checked once to be in order; a missing actor
// (deleted since the caller's check) leaves its rows out, so the caller counts fewer nodes and refuses the batch.
// No property is read after the first write: one Eager pass (rows buffered before the first CREATE) where there were two.
// occurredAt goes as a number and becomes a DATETIME here: the driver packs a DATETIME parameter slowly.
// The node also keeps initiatorId and participantIds, copies of its relationships that reads return without traversing them,
// and auditSeq, the seq of the batch's INTERACTION_BATCH audit entry (the audit log's interactionId filter finds it by that).
UNWIND range(0, size($actorIds) - 1) AS place
OPTIONAL MATCH (actor:Actor {id: $actorIds[place]})
WITH collect([place, actor]) AS actors
WHERE all(k IN range(0, size(actors) - 1) WHERE actors[k][0] = k)
UNWIND $interactions AS row
WITH row, actors[toInteger(row[4])][1] AS initiator, [p IN row[5] | actors[toInteger(p)][1]] AS participants
WHERE initiator IS NOT NULL AND none(participant IN participants WHERE participant IS NULL)
CREATE (initiator)-[:INITIATED]->(i:Interaction {id: row[0], kind: row[2], occurredAt: datetime({epochMillis: toInteger(row[3])}),
                                                 weight: row[6], initiatorId: $actorIds[toInteger(row[4])],
                                                 participantIds: [p IN row[5] | $actorIds[toInteger(p)]],
                                                 recordedBy: $by, recordedAt: $at, auditSeq: $auditSeq})
SET i.externalId = row[1], i.note = row[7]
FOREACH (position IN range(0, size(participants) - 1) |
  FOREACH (participant IN [participants[position]] | CREATE (i)-[:INVOLVED {position: position}]->(participant)))
