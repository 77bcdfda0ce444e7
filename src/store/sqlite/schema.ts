import type Database from 'better-sqlite3';

/**
 * The embedded store's schema, created on first open. Times are epoch milliseconds (UTC)
 * so window reads are integer range scans on one index.
 */
export const SCHEMA_VERSION = 4;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS actors (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  name_folded    TEXT NOT NULL,          -- lower-cased name, for case-insensitive search
  kind           TEXT NOT NULL,
  region         TEXT,
  tags           TEXT NOT NULL,          -- JSON array of strings
  affiliation_id TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,
  recorded_by    TEXT,                   -- audit stamps; null on rows older than the audit trail
  recorded_at    INTEGER,
  updated_by     TEXT,
  updated_at     INTEGER
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
  note            TEXT,
  recorded_by     TEXT,
  recorded_at     INTEGER,
  updated_by      TEXT,
  updated_at      INTEGER,
  deleted_at      INTEGER,               -- soft delete: set, the interaction leaves every read
  deleted_by      TEXT,
  delete_reason   TEXT,
  audit_seq       INTEGER                -- the INTERACTION_BATCH audit entry that recorded it; null on older rows
);
-- Serves every interaction read: windows, pages and counts; a kind filter is applied along
-- the time range. Partial: only live (not deleted) interactions, so counts stay index-only.
-- An index on (kind, occurred_at, id) cost imports more than it saved one query (README,
-- Benchmarks); older files have it dropped.
CREATE INDEX IF NOT EXISTS interactions_by_time ON interactions(occurred_at, id) WHERE deleted_at IS NULL;
DROP INDEX IF EXISTS interactions_by_kind_time;

-- Every actor an interaction involves (initiator and participants): serves actorId filters.
CREATE TABLE IF NOT EXISTS interaction_actors (
  actor_id        TEXT NOT NULL REFERENCES actors(id),
  interaction_seq INTEGER NOT NULL REFERENCES interactions(seq),
  PRIMARY KEY (actor_id, interaction_seq)
) WITHOUT ROWID;

-- The ids of merged actors, each naming the actor it was merged into.
CREATE TABLE IF NOT EXISTS actor_aliases (
  alias_id  TEXT PRIMARY KEY,
  target_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_aliases_by_target ON actor_aliases(target_id);

-- The audit trail: append-only (the triggers refuse updates and deletes).
CREATE TABLE IF NOT EXISTS audit_log (
  seq         INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  author      TEXT NOT NULL,
  action      TEXT NOT NULL,
  subject     TEXT NOT NULL,
  subject_id  TEXT NOT NULL,
  related_id  TEXT,
  before_json TEXT,
  after_json  TEXT,
  reason      TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_by_subject ON audit_log(subject_id, seq);
CREATE INDEX IF NOT EXISTS audit_log_by_related ON audit_log(related_id, seq) WHERE related_id IS NOT NULL;
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- API tokens: the SHA-256 of each secret, never the token; found by its public identifier.
CREATE TABLE IF NOT EXISTS api_tokens (
  identifier   TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL,
  secret_hash  TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  created_by   TEXT NOT NULL,
  last_used_at INTEGER,
  expires_at   INTEGER,
  revoked_at   INTEGER,
  survey_id    TEXT,                   -- a respondent token's survey and actor (issue 23); null otherwise
  actor_id     TEXT
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_active_name ON api_tokens(name) WHERE revoked_at IS NULL;

-- Relationship surveys (issue 23): the roster is frozen at opening, one row per actor.
CREATE TABLE IF NOT EXISTS surveys (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  window_from  INTEGER NOT NULL,       -- epoch ms, the window [from, to) the survey asks about
  window_to    INTEGER NOT NULL,
  roster_kinds TEXT NOT NULL,          -- JSON array of actor kinds
  opened_at    INTEGER NOT NULL,
  opened_by    TEXT NOT NULL,
  closes_at    INTEGER,
  closed_at    INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS surveys_by_window ON surveys(window_from, id);

-- No foreign key to actors: mergeActors rewrites these ids to the merge target itself.
CREATE TABLE IF NOT EXISTS survey_roster (
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  actor_id  TEXT NOT NULL,
  PRIMARY KEY (survey_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS survey_roster_by_actor ON survey_roster(actor_id);

-- One respondent's answer about one partner; a re-submission replaces all of the respondent's rows.
CREATE TABLE IF NOT EXISTS survey_ratings (
  survey_id       TEXT NOT NULL REFERENCES surveys(id),
  respondent_id   TEXT NOT NULL,
  partner_id      TEXT NOT NULL,
  worked_together INTEGER NOT NULL,    -- 0 or 1
  reliability     INTEGER,             -- each item 1-4, null when not answered
  openness        INTEGER,
  shared_mission  INTEGER,
  influence       INTEGER,
  resources       INTEGER,
  involvement     INTEGER,
  submitted_at    INTEGER NOT NULL,
  PRIMARY KEY (survey_id, respondent_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS survey_ratings_by_respondent ON survey_ratings(respondent_id);
CREATE INDEX IF NOT EXISTS survey_ratings_by_partner ON survey_ratings(partner_id);

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('revision', 0);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ${SCHEMA_VERSION});
`;

const ADDED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  actors: ['recorded_by TEXT', 'recorded_at INTEGER', 'updated_by TEXT', 'updated_at INTEGER'],
  interactions: [
    'recorded_by TEXT',
    'recorded_at INTEGER',
    'updated_by TEXT',
    'updated_at INTEGER',
    'deleted_at INTEGER',
    'deleted_by TEXT',
    'delete_reason TEXT',
    'audit_seq INTEGER',
  ],
  // Schema version 4 (issue 23): respondent tokens.
  api_tokens: ['survey_id TEXT', 'actor_id TEXT'],
};

/**
 * Brings a file made by an older schema version up to date before SCHEMA_SQL runs: adds the audit
 * and soft-delete columns (version 2), the batch-entry column audit_seq (version 3), the
 * respondent-token columns (version 4), and drops the time index so it is made again, partial.
 * SCHEMA_SQL then creates the tables that are missing (surveys).
 */
export function upgradeOlderSchema(db: Database.Database): void {
  const version = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get()!.n;
  if (version === 0) return; // a new file: SCHEMA_SQL creates everything
  for (const [table, columns] of Object.entries(ADDED_COLUMNS)) {
    const present = new Set(
      db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all()
        .map((c) => c.name),
    );
    if (present.size === 0) continue;
    for (const column of columns) {
      if (!present.has(column.split(' ')[0]!)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`);
    }
  }
  const index = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'interactions_by_time'")
    .get();
  if (index && !index.sql.includes('deleted_at')) db.exec('DROP INDEX interactions_by_time');
  db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version' AND value < ?").run(SCHEMA_VERSION, SCHEMA_VERSION);
}
