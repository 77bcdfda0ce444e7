// Notes when an API token was last used.
MATCH (t:ApiToken {identifier: $identifier})
SET t.lastUsedAt = $at
