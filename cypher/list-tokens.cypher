// Returns every API token, revoked ones included, by creation time then name.
MATCH (t:ApiToken)
RETURN t.identifier AS identifier, t.name AS name, t.role AS role, t.secretHash AS secretHash, t.createdAt AS createdAt,
       t.createdBy AS createdBy, t.lastUsedAt AS lastUsedAt, t.expiresAt AS expiresAt, t.revokedAt AS revokedAt,
       t.surveyId AS surveyId, t.actorId AS actorId
ORDER BY t.createdAt, t.name
