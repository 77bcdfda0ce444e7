// Returns who recorded and who last changed the given actors (unknown ids are simply absent).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.recordedBy AS recordedBy, a.recordedAt AS recordedAt, a.updatedBy AS updatedBy, a.updatedAt AS updatedAt
