// Soft-deletes interactions: they stay in the graph, marked, and leave every read; stamped as updated.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
SET i.deletedAt = $at, i.deletedBy = $by, i.deleteReason = $reason, i.updatedBy = $by, i.updatedAt = $at
