// Migration 020: survey ids are unique; also the index behind every lookup of a survey by id.
CREATE CONSTRAINT survey_id_unique IF NOT EXISTS
FOR (s:Survey) REQUIRE s.id IS UNIQUE
