// Writes the corrected fields of existing interactions and stamps them as updated by $by at $at.
// Rows as for record-interactions; a null note removes the property. Actors are linked by attach-interaction-actors
// (initiatorId and participantIds are the node's copies of those relationships, for reads).
UNWIND $interactions AS row
MATCH (i:Interaction {id: row.id})
SET i.kind = row.kind, i.occurredAt = datetime({epochMillis: toInteger(row.occurredAt)}), i.weight = row.weight, i.note = row.note,
    i.initiatorId = row.initiatorId, i.participantIds = row.participantIds, i.updatedBy = $by, i.updatedAt = $at
