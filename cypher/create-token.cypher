// Stores a new API token: the hash of its secret, never the token. The caller has checked the name is free.
// surveyId and actorId bind a respondent token to its survey and actor (null, so absent, for other tokens).
CREATE (t:ApiToken {identifier: $identifier, name: $name, role: $role, secretHash: $secretHash, createdAt: $createdAt, createdBy: $createdBy})
SET t.expiresAt = $expiresAt, t.surveyId = $surveyId, t.actorId = $actorId
