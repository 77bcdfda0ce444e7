// Deletes the aliases naming an actor that is being deleted.
MATCH (alias:ActorAlias {targetId: $id})
DELETE alias
