import type {
  ActorParams,
  ActorRow,
  AliasRow,
  AuditParams,
  InteractionParams,
  InteractionRow,
  InteractionStateRow,
  StampRow,
  TokenParams,
  TokenRow,
} from './rows';

/**
 * Every SQL statement the embedded store runs, with the types better-sqlite3 binds (P) and
 * returns (R). The adapter prepares the fixed ones once, when it opens the file, and those
 * built around a WHERE clause (conditions.ts) on each call. Nothing here touches a database.
 */

/** SQL text and its types; `pluck` returns each row's first column alone. */
export interface Statement<P extends unknown[], R> {
  readonly sql: string;
  readonly pluck: boolean;
  /** Never set: it only carries P and R to the adapter's prepared statements. */
  readonly types?: (...params: P) => R;
}

function rows<P extends unknown[], R = never>(sql: string): Statement<P, R> {
  return { sql, pluck: false };
}

function column<P extends unknown[], R>(sql: string): Statement<P, R> {
  return { sql, pluck: true };
}

/**
 * Applied on every open: a busy timeout first (so the pragmas and the schema check after it wait
 * for another process's write instead of failing; once open, the store waits without blocking), WAL, and synchronous=FULL so a committed batch
 * survives a power cut, not only a crash.
 */
export const PRAGMAS = ['busy_timeout = 5000', 'journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON'] as const;

export const ACTOR_COLUMNS = 'id, name, kind, region, tags, affiliation_id';
export const INTERACTION_COLUMNS = 'seq, id, external_id, kind, occurred_at, initiator_id, participant_ids, weight, note';

/** Who and when: the stamp every corrected row carries. */
type By = [by: string, at: number];

export const STATEMENTS = {
  // ---- Actors
  actorExists: rows<[string], { one: number }>('SELECT 1 AS one FROM actors WHERE id = ?'),
  // recordInteractions checks a batch's actors with one query (a JSON array of ids).
  existingActorIds: column<[string], string>('SELECT id FROM actors WHERE id IN (SELECT value FROM json_each(?))'),
  actorsByIds: rows<[string], ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors WHERE id IN (SELECT value FROM json_each(?))`),
  upsertActor: rows<[ActorParams]>(
    `INSERT INTO actors (id, name, name_folded, kind, region, tags, affiliation_id, recorded_by, recorded_at)
     VALUES (@id, @name, @nameFolded, @kind, @region, @tags, @affiliationId, @by, @at)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, kind = excluded.kind,
       region = excluded.region, tags = excluded.tags, affiliation_id = excluded.affiliation_id,
       updated_by = excluded.recorded_by, updated_at = excluded.recorded_at`,
  ),
  // name_folded is foldName's (domain/actor-names.ts): the lower-cased name.
  actorsByFoldedNames: rows<[string], ActorRow>(
    `SELECT ${ACTOR_COLUMNS} FROM actors WHERE name_folded IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ),
  actorsAfter: rows<[string, number], ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors WHERE id > ? ORDER BY id LIMIT ?`),
  aliasesOf: rows<[string], AliasRow>('SELECT alias_id, target_id FROM actor_aliases WHERE alias_id IN (SELECT value FROM json_each(?))'),

  // ---- Interactions
  // Positional parameters: binding by name makes a large import measurably slower. A row whose
  // id or externalId is taken is not inserted (changes = 0): the unique indexes find what is
  // stored already, so it is looked up only then (interactionBy…).
  insertInteraction: rows<InteractionParams>(
    `INSERT INTO interactions (id, external_id, kind, occurred_at, initiator_id, participant_ids, weight, note, recorded_by, recorded_at, audit_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ),
  interactionByExternalId: rows<[string], InteractionRow>(`SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE external_id = ?`),
  interactionById: rows<[string], InteractionRow>(`SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE id = ?`),
  /** Live or deleted: deleted_at tells. */
  interactionStateById: rows<[string], InteractionStateRow>(`SELECT ${INTERACTION_COLUMNS}, deleted_at FROM interactions WHERE id = ?`),
  interactionsByIds: rows<[string], InteractionRow>(
    `SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
  ),
  // Indexes a batch's new interactions by actor in one sorted pass: rows inserted one by one at
  // random places of the B-tree make a large import several times slower.
  indexInteractionActors: rows<[number, number, number, number]>(
    `INSERT OR IGNORE INTO interaction_actors (actor_id, interaction_seq)
     SELECT initiator_id, seq FROM interactions WHERE seq BETWEEN ? AND ?
     UNION ALL
     SELECT p.value, i.seq FROM interactions i, json_each(i.participant_ids) p WHERE i.seq BETWEEN ? AND ?
     ORDER BY 1, 2`,
  ),
  // By the row's own actors, each a primary-key look-up: nothing indexes interaction_seq first, so
  // `WHERE interaction_seq = ?` alone scanned the whole table, once per interaction of a merged actor
  // (26 s for the demo's largest intermediary). Run while the row still holds the actors it was indexed by.
  unindexInteraction: rows<[number, number, number]>(
    `DELETE FROM interaction_actors WHERE interaction_seq = ? AND actor_id IN (
       SELECT initiator_id FROM interactions WHERE seq = ?
       UNION ALL
       SELECT p.value FROM interactions i, json_each(i.participant_ids) p WHERE i.seq = ?)`,
  ),

  // ---- Corrections
  updateInteraction: rows<
    [kind: string, occurredAt: number, initiatorId: string, participantIds: string, weight: number, note: string | null, ...By, seq: number]
  >(
    `UPDATE interactions SET kind = ?, occurred_at = ?, initiator_id = ?, participant_ids = ?, weight = ?, note = ?,
       updated_by = ?, updated_at = ? WHERE seq = ?`,
  ),
  markInteractionDeleted: rows<[at: number, by: string, reason: string, ...By, seq: number]>(
    'UPDATE interactions SET deleted_at = ?, deleted_by = ?, delete_reason = ?, updated_by = ?, updated_at = ? WHERE seq = ?',
  ),
  unmarkInteractionDeleted: rows<[...By, seq: number]>(
    'UPDATE interactions SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL, updated_by = ?, updated_at = ? WHERE seq = ?',
  ),
  /** Every interaction of an actor, deleted ones too (deleted_at tells). */
  interactionsOfActor: rows<[string], InteractionStateRow>(
    `SELECT ${INTERACTION_COLUMNS}, deleted_at FROM interactions
     WHERE seq IN (SELECT interaction_seq FROM interaction_actors WHERE actor_id = ?) ORDER BY id`,
  ),
  /** Deleted interactions of an actor, which go when it goes. */
  deletedInteractionsOfActor: rows<[string], { seq: number; id: string }>(
    `SELECT seq, id FROM interactions
     WHERE seq IN (SELECT interaction_seq FROM interaction_actors WHERE actor_id = ?) AND deleted_at IS NOT NULL ORDER BY id`,
  ),
  dropInteraction: rows<[seq: number]>('DELETE FROM interactions WHERE seq = ?'),
  moveInteraction: rows<[initiatorId: string, participantIds: string, ...By, seq: number]>(
    'UPDATE interactions SET initiator_id = ?, participant_ids = ?, updated_by = ?, updated_at = ? WHERE seq = ?',
  ),
  actorsAffiliatedWith: column<[string], string>('SELECT id FROM actors WHERE affiliation_id = ? ORDER BY id'),
  moveAffiliations: rows<[targetId: string, ...By, sourceId: string, targetId: string]>(
    'UPDATE actors SET affiliation_id = ?, updated_by = ?, updated_at = ? WHERE affiliation_id = ? AND id <> ?',
  ),
  setAffiliation: rows<[affiliationId: string | null, ...By, id: string]>(
    'UPDATE actors SET affiliation_id = ?, updated_by = ?, updated_at = ? WHERE id = ?',
  ),
  retargetAliases: rows<[targetId: string, sourceId: string]>('UPDATE actor_aliases SET target_id = ? WHERE target_id = ?'),
  insertAlias: rows<[aliasId: string, targetId: string]>('INSERT INTO actor_aliases (alias_id, target_id) VALUES (?, ?)'),
  deleteAliasesOf: rows<[targetId: string]>('DELETE FROM actor_aliases WHERE target_id = ?'),
  deleteActor: rows<[string]>('DELETE FROM actors WHERE id = ?'),
  /** Live interactions only: a deleted one never keeps an actor from being deleted. */
  countActorInteractions: column<[string], number>(
    `SELECT count(*) FROM interaction_actors ia JOIN interactions i ON i.seq = ia.interaction_seq
     WHERE ia.actor_id = ? AND i.deleted_at IS NULL`,
  ),
  countAffiliated: column<[string], number>('SELECT count(*) FROM actors WHERE affiliation_id = ?'),

  // ---- Audit trail
  insertAudit: rows<AuditParams>(
    `INSERT INTO audit_log (at, author, action, subject, subject_id, related_id, before_json, after_json, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  // A batch's INTERACTION_BATCH entry is numbered before its interactions are inserted, each of them
  // naming it (audit_seq): the write holds the lock (BEGIN IMMEDIATE), so no other entry takes the number.
  nextAuditSeq: column<[], number>('SELECT coalesce(max(seq), 0) + 1 FROM audit_log'),
  insertAuditNumbered: rows<[seq: number, ...AuditParams]>(
    `INSERT INTO audit_log (seq, at, author, action, subject, subject_id, related_id, before_json, after_json, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  actorStamps: rows<[string], StampRow>(
    'SELECT id, recorded_by, recorded_at, updated_by, updated_at FROM actors WHERE id IN (SELECT value FROM json_each(?))',
  ),
  interactionStamps: rows<[string], StampRow>(
    'SELECT id, recorded_by, recorded_at, updated_by, updated_at FROM interactions WHERE id IN (SELECT value FROM json_each(?))',
  ),

  // ---- API tokens
  insertToken: rows<TokenParams>(
    `INSERT INTO api_tokens (identifier, name, role, secret_hash, created_at, created_by, last_used_at, expires_at, revoked_at, survey_id, actor_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  tokenByIdentifier: rows<[string], TokenRow>('SELECT * FROM api_tokens WHERE identifier = ?'),
  tokens: rows<[], TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, name'),
  activeTokenNamed: rows<[string], TokenRow>('SELECT * FROM api_tokens WHERE name = ? AND revoked_at IS NULL'),
  revokeToken: rows<[at: number, identifier: string]>('UPDATE api_tokens SET revoked_at = ? WHERE identifier = ?'),
  touchToken: rows<[at: number, identifier: string]>('UPDATE api_tokens SET last_used_at = ? WHERE identifier = ?'),

  // ---- Revision
  bumpRevision: rows<[]>("UPDATE meta SET value = value + 1 WHERE key = 'revision'"),
  revision: rows<[], { value: number }>("SELECT value FROM meta WHERE key = 'revision'"),
};

/** Statements around a WHERE clause built by conditions.ts; its parameters come first, the LIMIT last. */
export const actorPage = (where: string) => `SELECT ${ACTOR_COLUMNS} FROM actors ${where} ORDER BY id LIMIT ?`;
export const actorCount = (where: string) => `SELECT count(*) AS n FROM actors ${where}`;
export const interactionPage = (where: string) =>
  `SELECT ${INTERACTION_COLUMNS} FROM interactions ${where} ORDER BY occurred_at, id LIMIT ?`;
export const interactionCount = (where: string) => `SELECT count(*) AS n FROM interactions ${where}`;
export const auditPage = (where: string) => `SELECT * FROM audit_log ${where} ORDER BY seq LIMIT ?`;
export const auditPageNewestFirst = (where: string) => `SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ?`;
