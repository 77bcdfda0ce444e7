// Returns who recorded and who last changed the given interactions, deleted ones included.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
RETURN i.id AS id, i.recordedBy AS recordedBy, i.recordedAt AS recordedAt, i.updatedBy AS updatedBy, i.updatedAt AS updatedAt
