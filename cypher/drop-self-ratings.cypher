// A merge: ratings it made of the target about itself (the source rated the target, or the other way round) are deleted.
MATCH (r:Rating {respondentId: $actorId})
WHERE r.partnerId = $actorId
DELETE r
