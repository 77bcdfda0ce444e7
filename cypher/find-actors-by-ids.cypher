// Returns the actors with the given ids (unknown ids are simply absent; the adapter restores the asked order).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.region AS region, a.tags AS tags,
       head([(a)-[:AFFILIATED_WITH]->(target:Actor) | target.id]) AS affiliationId
