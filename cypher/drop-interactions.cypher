// Removes deleted interactions for good, with their relationships: those a merge or an actor's deletion leaves between no two actors.
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
WHERE i.deletedAt IS NOT NULL
DETACH DELETE i
