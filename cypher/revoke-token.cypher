// Revokes one API token by its identifier.
MATCH (t:ApiToken {identifier: $identifier})
SET t.revokedAt = $at
