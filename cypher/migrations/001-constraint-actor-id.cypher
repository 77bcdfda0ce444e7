// Migration 001: actor ids are unique; also the index behind every lookup of an actor by id.
CREATE CONSTRAINT actor_id_unique IF NOT EXISTS
FOR (a:Actor) REQUIRE a.id IS UNIQUE
