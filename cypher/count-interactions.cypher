// Counts the interactions in [$fromInclusive, $toExclusive), optionally of some kinds.
MATCH (i:Interaction)
WHERE i.occurredAt >= $fromInclusive AND i.occurredAt < $toExclusive AND i.deletedAt IS NULL
  AND ($kinds IS NULL OR i.kind IN $kinds)
RETURN count(i) AS count
