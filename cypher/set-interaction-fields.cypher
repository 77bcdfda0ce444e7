// Writes the corrected fields of existing interactions and stamps them as updated by $by at $at.
// Rows as for record-interactions; a null note removes the property. Actors are linked by attach-interaction-actors.
UNWIND $interactions AS row
MATCH (i:Interaction {id: row.id})
SET i.kind = row.kind, i.occurredAt = row.occurredAt, i.weight = row.weight, i.note = row.note,
    i.updatedBy = $by, i.updatedAt = $at
