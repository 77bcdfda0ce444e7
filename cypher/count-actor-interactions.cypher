// Counts the interactions one actor initiated or took part in, in [$fromInclusive, $toExclusive), optionally of some kinds.
MATCH (:Actor {id: $actorId})-[:INITIATED|INVOLVED]-(i:Interaction)
WITH DISTINCT i
WHERE i.occurredAt >= $fromInclusive AND i.occurredAt < $toExclusive AND i.deletedAt IS NULL
  AND ($kinds IS NULL OR i.kind IN $kinds)
RETURN count(i) AS count
