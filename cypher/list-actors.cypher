// Returns one page of actors matching the filter, ordered by id, starting after the keyset cursor $afterId
// ('' for the first page: ids are never empty), so the plan is a range seek on the actor id index in id order.
// A null filter value means "no condition"; $search is matched case-insensitively as a substring of the name.
MATCH (a:Actor)
WHERE a.id > $afterId
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($region IS NULL OR a.region = $region)
  AND ($tag IS NULL OR $tag IN a.tags)
  AND ($search IS NULL OR toLower(a.name) CONTAINS toLower($search))
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.region AS region, a.tags AS tags,
       head([(a)-[:AFFILIATED_WITH]->(target:Actor) | target.id]) AS affiliationId
ORDER BY a.id
LIMIT $limit
