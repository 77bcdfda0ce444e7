// Returns the surveys whose roster holds an actor, with their rosters (for merges and deletions: surveys are few, no index).
MATCH (s:Survey)
WHERE $actorId IN s.rosterIds
RETURN s.id AS id, s.rosterIds AS rosterIds
ORDER BY s.id
