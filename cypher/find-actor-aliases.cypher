// Returns which of the given ids are aliases of merged actors, with the actor each names now.
UNWIND $ids AS id
MATCH (alias:ActorAlias {id: id})
RETURN alias.id AS id, alias.targetId AS targetId
