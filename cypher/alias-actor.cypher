// Makes $sourceId an alias of $targetId; aliases that named the source name the target from now on.
OPTIONAL MATCH (earlier:ActorAlias {targetId: $sourceId})
SET earlier.targetId = $targetId
WITH count(*) AS retargeted
MERGE (alias:ActorAlias {id: $sourceId})
SET alias.targetId = $targetId
