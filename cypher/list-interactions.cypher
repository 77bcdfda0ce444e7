// Returns one page of interactions in [$fromInclusive, $toExclusive), ordered by (occurredAt, id), optionally of some kinds.
// Keyset cursor: the adapter raises $fromInclusive to the cursor's time, so "after (t, id)" reduces to the last condition.
MATCH (i:Interaction)
WHERE i.occurredAt >= $fromInclusive AND i.occurredAt < $toExclusive AND i.deletedAt IS NULL
  AND ($kinds IS NULL OR i.kind IN $kinds)
  AND ($afterId IS NULL OR i.occurredAt > $afterOccurredAt OR i.id > $afterId)
RETURN i.id AS id, i.externalId AS externalId, i.kind AS kind, toFloat(i.occurredAt.epochMillis) AS occurredAt,
       i.weight AS weight, i.note AS note,
       i.initiatorId AS initiatorId, i.participantIds AS participants
ORDER BY i.occurredAt, i.id
LIMIT $limit
