// Stamps actors as updated by $by at $at (the target of a merge).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
SET a.updatedBy = $by, a.updatedAt = $at
