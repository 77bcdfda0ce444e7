// Migration 007: an alias id (the id of a merged actor) names one actor; also the index behind alias lookups.
CREATE CONSTRAINT actor_alias_id_unique IF NOT EXISTS
FOR (x:ActorAlias) REQUIRE x.id IS UNIQUE
