// Migration 002: interaction ids are unique; also the index behind lookups of interactions by id.
CREATE CONSTRAINT interaction_id_unique IF NOT EXISTS
FOR (i:Interaction) REQUIRE i.id IS UNIQUE
