// Returns the actors whose name, lower-cased, is one of $names (lower-cased already): for the warning that a new actor looks like one stored.
MATCH (a:Actor)
WHERE toLower(a.name) IN $names
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.region AS region, a.tags AS tags,
       head([(a)-[:AFFILIATED_WITH]->(target:Actor) | target.id]) AS affiliationId
ORDER BY a.id
