// Migration 005: one (:CopnetMeta) node per id, so concurrent writers MERGE the same revision counter.
CREATE CONSTRAINT copnet_meta_id_unique IF NOT EXISTS
FOR (m:CopnetMeta) REQUIRE m.id IS UNIQUE
