// Returns the API token with a public identifier (one read on the unique index), revoked or not.
MATCH (t:ApiToken {identifier: $identifier})
RETURN t.identifier AS identifier, t.name AS name, t.role AS role, t.secretHash AS secretHash, t.createdAt AS createdAt,
       t.createdBy AS createdBy, t.lastUsedAt AS lastUsedAt, t.expiresAt AS expiresAt, t.revokedAt AS revokedAt,
       t.surveyId AS surveyId, t.actorId AS actorId
