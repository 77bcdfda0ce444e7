// Counts what stream-window returns for the same parameters, reading no interaction's properties but the
// ones it filters on: the work budget is checked on this count before a range is read.
MATCH (i:Interaction)
WHERE i.occurredAt >= $fromInclusive AND i.occurredAt < $toExclusive AND i.deletedAt IS NULL
  AND ($interactionKinds IS NULL OR i.kind IN $interactionKinds)
  AND ($actorKinds IS NULL OR EXISTS {
        MATCH (i)-[:INITIATED|INVOLVED]-(scoped:Actor)
        WHERE scoped.kind IN $actorKinds
      })
RETURN count(i) AS count
