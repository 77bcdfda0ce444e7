// Points each actor's one AFFILIATED_WITH relationship at its affiliation, or removes it when affiliationId is null.
// Rows: {id, affiliationId}, each id once; the caller has checked that every affiliation names an existing actor.
UNWIND $actors AS row
MATCH (a:Actor {id: row.id})
OPTIONAL MATCH (a)-[old:AFFILIATED_WITH]->(previous:Actor)
WHERE row.affiliationId IS NULL OR previous.id <> row.affiliationId
DELETE old
WITH DISTINCT a, row
WHERE row.affiliationId IS NOT NULL
MATCH (target:Actor {id: row.affiliationId})
MERGE (a)-[:AFFILIATED_WITH]->(target)
