// Counts the actors matching the filter (the same conditions as list-actors, without the cursor).
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($region IS NULL OR a.region = $region)
  AND ($tag IS NULL OR $tag IN a.tags)
  AND ($search IS NULL OR toLower(a.name) CONTAINS toLower($search))
RETURN count(a) AS count
