// Deletes one actor with its remaining relationships (the caller has moved or refused what must not be lost).
MATCH (a:Actor {id: $id})
DETACH DELETE a
