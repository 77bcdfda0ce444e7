// Returns which of the given actor ids exist, for the reference checks inside write transactions.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id
