// Returns the API token of a name that is not revoked, if any.
MATCH (t:ApiToken {name: $name})
WHERE t.revokedAt IS NULL
RETURN t.identifier AS identifier, t.name AS name, t.role AS role, t.secretHash AS secretHash, t.createdAt AS createdAt,
       t.createdBy AS createdBy, t.lastUsedAt AS lastUsedAt, t.expiresAt AS expiresAt, t.revokedAt AS revokedAt,
       t.surveyId AS surveyId, t.actorId AS actorId
