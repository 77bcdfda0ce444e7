/**
 * The embedded store's schema, created on first open. Times are epoch milliseconds (UTC)
 * so window reads are integer range scans on one index.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS actors (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  name_folded    TEXT NOT NULL,          -- lower-cased name, for case-insensitive search
  kind           TEXT NOT NULL,
  region         TEXT,
  tags           TEXT NOT NULL,          -- JSON array of strings
  affiliation_id TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX IF NOT EXISTS actors_by_kind ON actors(kind, id);
CREATE INDEX IF NOT EXISTS actors_by_region ON actors(region, id);
CREATE INDEX IF NOT EXISTS actors_by_affiliation ON actors(affiliation_id);

CREATE TABLE IF NOT EXISTS interactions (
  seq             INTEGER PRIMARY KEY,   -- insertion order; joins use it, clients never see it
  id              TEXT NOT NULL UNIQUE,
  external_id     TEXT UNIQUE,
  kind            TEXT NOT NULL,
  occurred_at     INTEGER NOT NULL,      -- epoch ms
  initiator_id    TEXT NOT NULL REFERENCES actors(id),
  participant_ids TEXT NOT NULL,         -- JSON array, in the order given
  weight          REAL NOT NULL,
  note            TEXT
);
-- Serves every interaction read: windows, pages and counts; a kind filter is applied along
-- the time range. An index on (kind, occurred_at, id) made a million-row import about 1 s
-- slower and its file 20% larger to speed up one query, counting a kind over a long span
-- (1M rows: 4 ms with it, 80 ms without); older files have it dropped.
CREATE INDEX IF NOT EXISTS interactions_by_time ON interactions(occurred_at, id);
DROP INDEX IF EXISTS interactions_by_kind_time;

-- Every actor an interaction involves (initiator and participants): serves actorId filters.
CREATE TABLE IF NOT EXISTS interaction_actors (
  actor_id        TEXT NOT NULL REFERENCES actors(id),
  interaction_seq INTEGER NOT NULL REFERENCES interactions(seq),
  PRIMARY KEY (actor_id, interaction_seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('revision', 0);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ${SCHEMA_VERSION});
`;
