// A merge: respondent tokens bound to the source actor answer for the target (few tokens: no index on actorId).
MATCH (t:ApiToken {actorId: $sourceId})
SET t.actorId = $targetId
