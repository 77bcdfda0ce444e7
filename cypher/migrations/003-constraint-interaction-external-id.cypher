// Migration 003: a caller's externalId names at most one interaction (interactions without one are not constrained).
CREATE CONSTRAINT interaction_external_id_unique IF NOT EXISTS
FOR (i:Interaction) REQUIRE i.externalId IS UNIQUE
