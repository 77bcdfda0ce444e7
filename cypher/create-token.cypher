// Stores a new API token: the hash of its secret, never the token. The caller has checked the name is free.
CREATE (t:ApiToken {identifier: $identifier, name: $name, role: $role, secretHash: $secretHash, createdAt: $createdAt, createdBy: $createdBy})
SET t.expiresAt = $expiresAt
