// Points the actors affiliated with $sourceId at $targetId instead (the target's own link to the source is dropped),
// stamping them as updated; returns the moved actors' ids.
MATCH (source:Actor {id: $sourceId})<-[old:AFFILIATED_WITH]-(a:Actor)
MATCH (target:Actor {id: $targetId})
DELETE old
WITH a, target
WHERE a <> target
MERGE (a)-[:AFFILIATED_WITH]->(target)
SET a.updatedBy = $by, a.updatedAt = $at
RETURN a.id AS id
