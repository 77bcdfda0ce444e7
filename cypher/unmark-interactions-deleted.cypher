// Restores soft-deleted interactions: the deletion marks go, the interaction is stamped as updated.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
REMOVE i.deletedAt, i.deletedBy, i.deleteReason
SET i.updatedBy = $by, i.updatedAt = $at
