// Returns every actor ordered by id, streamed to the caller (exports and store-to-store migration).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.region AS region, a.tags AS tags,
       head([(a)-[:AFFILIATED_WITH]->(target:Actor) | target.id]) AS affiliationId
ORDER BY a.id
