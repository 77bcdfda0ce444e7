import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { systemAuthor, type Author, type Role, type StoredToken } from '../../domain/access';
import { sameActor, type Actor, type ActorKind } from '../../domain/actor';
import type { AuditAction, AuditCursor, AuditEntry, AuditFilter, AuditRecord, AuditSubject, RecordStamp } from '../../domain/audit';
import { InvalidInputError, StoreUnavailableError } from '../../domain/errors';
import type { Interaction, InteractionKind } from '../../domain/interaction';
import { toPage, type ActorCursor, type InteractionCursor, type Page, type PageRequest } from '../../domain/page';
import type { Scope } from '../../domain/scope';
import type { TimeWindow } from '../../domain/time-window';
import {
  actorDeleted,
  actorsMerged,
  actorWritten,
  fromAuditJson,
  interactionDeleted,
  interactionRestored,
  interactionUpdated,
  toAuditJson,
  tokenCreated,
  tokenRevoked,
} from '../audit-entries';
import { checkMerge, idsNamedByActors, mergedTarget, moveInteraction, resolveActorAliases, resolveAndRequireActors } from '../merge-rules';
import type { ActorFilter, InteractionFilter, RecordedInteraction, Store } from '../store';
import { SCHEMA_SQL, upgradeOlderSchema } from './schema';

/** Rows read per query when streaming a window: bounded memory, no open cursor across awaits. */
const STREAM_CHUNK = 5000;

interface ActorRow {
  id: string;
  name: string;
  kind: string;
  region: string | null;
  tags: string;
  affiliation_id: string | null;
}

interface StampRow {
  id: string;
  recorded_by: string | null;
  recorded_at: number | null;
  updated_by: string | null;
  updated_at: number | null;
}

interface AuditRow {
  seq: number;
  at: number;
  author: string;
  action: string;
  subject: string;
  subject_id: string;
  related_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

interface TokenRow {
  identifier: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
}

interface InteractionRow {
  seq: number;
  id: string;
  external_id: string | null;
  kind: string;
  occurred_at: number;
  initiator_id: string;
  participant_ids: string;
  weight: number;
  note: string | null;
}

const ACTOR_COLUMNS = 'id, name, kind, region, tags, affiliation_id';
const INTERACTION_COLUMNS = 'seq, id, external_id, kind, occurred_at, initiator_id, participant_ids, weight, note';

/**
 * Opens (creating if absent) the embedded store: one SQLite file in WAL mode. Writes are
 * synchronous=FULL so a committed batch survives a power cut, not only a crash.
 */
export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      upgradeOlderSchema(db);
      db.exec(SCHEMA_SQL);
    })();
  } catch (error) {
    throw new StoreUnavailableError(`Cannot open the embedded database at COPNET_DB_PATH=${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      actorExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM actors WHERE id = ?'),
      // recordInteractions checks a batch's actors with one query (a JSON array of ids).
      existingActorIds: db.prepare<[string], string>('SELECT id FROM actors WHERE id IN (SELECT value FROM json_each(?))').pluck(),
      upsertActor: db.prepare(
        `INSERT INTO actors (id, name, name_folded, kind, region, tags, affiliation_id, recorded_by, recorded_at)
         VALUES (@id, @name, @nameFolded, @kind, @region, @tags, @affiliationId, @by, @at)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, kind = excluded.kind,
           region = excluded.region, tags = excluded.tags, affiliation_id = excluded.affiliation_id,
           updated_by = excluded.recorded_by, updated_at = excluded.recorded_at`,
      ),
      aliasesOf: db.prepare<[string], { alias_id: string; target_id: string }>(
        'SELECT alias_id, target_id FROM actor_aliases WHERE alias_id IN (SELECT value FROM json_each(?))',
      ),
      insertAudit: db.prepare<[number, string, string, string, string, string | null, string | null, string | null, string | null]>(
        `INSERT INTO audit_log (at, author, action, subject, subject_id, related_id, before_json, after_json, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // One CREATE entry per interaction of a batch, built in SQL (a million-row import writes a million entries).
      // occurredAt is printed exactly as Date.toISOString does, pre-1970 instants included.
      auditCreatedInteractions: db.prepare<[number, string, number, number]>(
        `INSERT INTO audit_log (at, author, action, subject, subject_id, after_json)
         SELECT ?, ?, 'CREATE', 'INTERACTION', id, json_object(
           'id', id, 'externalId', external_id, 'kind', kind,
           'occurredAt', strftime('%Y-%m-%dT%H:%M:%S', (occurred_at - ((occurred_at % 1000) + 1000) % 1000) / 1000, 'unixepoch')
             || printf('.%03dZ', ((occurred_at % 1000) + 1000) % 1000),
           'initiatorId', initiator_id, 'participantIds', json(participant_ids), 'weight', weight, 'note', note)
         FROM interactions WHERE seq BETWEEN ? AND ? ORDER BY seq`,
      ),
      actorsByIds: db.prepare<[string], ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors WHERE id IN (SELECT value FROM json_each(?))`),
      interactionsByIds: db.prepare<[string], InteractionRow>(
        `SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
      ),
      // Positional parameters: binding by name costs a million-row import 0.5 s more. A row
      // whose id or externalId is taken is not inserted (changes = 0): the unique indexes
      // find what is stored already, so it is looked up only then (interactionBy…).
      insertInteraction: db.prepare<[string, string | null, string, number, string, string, number, string | null, string, number]>(
        `INSERT INTO interactions (id, external_id, kind, occurred_at, initiator_id, participant_ids, weight, note, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      interactionByExternalId: db.prepare<[string], InteractionRow>(
        `SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE external_id = ?`,
      ),
      interactionById: db.prepare<[string], InteractionRow>(`SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE id = ?`),
      // Indexes a batch's new interactions by actor in one sorted pass: a million-row import
      // spends most of its time here when rows go in one by one at random places of the B-tree.
      indexInteractionActors: db.prepare<[number, number, number, number]>(
        `INSERT OR IGNORE INTO interaction_actors (actor_id, interaction_seq)
         SELECT initiator_id, seq FROM interactions WHERE seq BETWEEN ? AND ?
         UNION ALL
         SELECT p.value, i.seq FROM interactions i, json_each(i.participant_ids) p WHERE i.seq BETWEEN ? AND ?
         ORDER BY 1, 2`,
      ),
      bumpRevision: db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'revision'"),
      revision: db.prepare<[], { value: number }>("SELECT value FROM meta WHERE key = 'revision'"),
    };
  }

  async upsertActors(actors: readonly Actor[], author: Author = systemAuthor()): Promise<Actor[]> {
    const write = this.db.transaction((given: readonly Actor[]) => {
      const batch = this.resolveActorAliases(given);
      const before = new Map(
        this.statements.actorsByIds.all(JSON.stringify(batch.map((actor) => actor.id))).map((row) => [row.id, toActor(row)]),
      );
      for (const actor of batch) {
        const previous = before.get(actor.id) ?? null;
        if (sameActor(actor, previous)) continue;
        this.statements.upsertActor.run({
          id: actor.id,
          name: actor.name,
          nameFolded: actor.name.toLowerCase(),
          kind: actor.kind,
          region: actor.region,
          tags: JSON.stringify(actor.tags),
          affiliationId: actor.affiliationId,
          by: author.by,
          at: author.at.getTime(),
        });
        this.audit(actorWritten(actor, previous, author));
        before.set(actor.id, actor);
      }
      // Checked after the whole batch is in, so an actor may name one that comes later in it.
      batch.forEach((actor, i) => {
        if (actor.affiliationId !== null && !this.statements.actorExists.get(actor.affiliationId)) {
          throw new InvalidInputError(`actors[${i}].affiliationId`, given[i]!.affiliationId, 'is not a known actor');
        }
      });
      if (batch.length > 0) this.statements.bumpRevision.run();
    });
    this.run(() => write(actors));
    return this.getActorsByIds(actors.map((actor) => actor.id)) as Promise<Actor[]>;
  }

  /** The batch with aliases of merged actors replaced by the actors they name (ids and affiliations). */
  private resolveActorAliases(batch: readonly Actor[]): readonly Actor[] {
    return resolveActorAliases(batch, this.aliasesOf(idsNamedByActors(batch)));
  }

  private aliasesOf(ids: readonly string[]): Map<string, string> {
    if (ids.length === 0) return new Map();
    return new Map(this.statements.aliasesOf.all(JSON.stringify(ids)).map((row) => [row.alias_id, row.target_id]));
  }

  private audit(record: AuditRecord): void {
    this.statements.insertAudit.run(
      record.at.getTime(),
      record.by,
      record.action,
      record.subject,
      record.subjectId,
      record.relatedId,
      toAuditJson(record.before),
      toAuditJson(record.after),
      record.reason,
    );
  }

  async recordInteractions(interactions: readonly Interaction[], author: Author = systemAuthor()): Promise<RecordedInteraction[]> {
    const by = author.by;
    const at = author.at.getTime();
    const write = this.db.transaction((given: readonly Interaction[]): RecordedInteraction[] => {
      const batch = this.requireActorsOf(given);
      let firstSeq = 0;
      let lastSeq = 0;
      const results = batch.map((interaction): RecordedInteraction => {
        const { changes, lastInsertRowid } = this.statements.insertInteraction.run(
          interaction.id,
          interaction.externalId,
          interaction.kind,
          interaction.occurredAt.getTime(),
          interaction.initiatorId,
          JSON.stringify(interaction.participantIds),
          interaction.weight,
          interaction.note,
          by,
          at,
        );
        // Stored already, or earlier in this batch: the stored one, by externalId first.
        if (changes === 0) return { interaction: this.storedTwinOf(interaction), created: false };
        lastSeq = Number(lastInsertRowid);
        if (firstSeq === 0) firstSeq = lastSeq;
        return { interaction, created: true };
      });
      if (firstSeq > 0) {
        // One writer holds the transaction, so this batch's rows are exactly seq firstSeq..lastSeq.
        this.statements.indexInteractionActors.run(firstSeq, lastSeq, firstSeq, lastSeq);
        this.statements.auditCreatedInteractions.run(at, by, firstSeq, lastSeq);
        this.statements.bumpRevision.run();
      }
      return results;
    });
    return this.run(() => this.withoutForeignKeyChecks(() => write(interactions)));
  }

  /**
   * Runs a write whose references the store has checked itself, inside the same
   * transaction, without SQLite's foreign-key checks: recordInteractions checks every
   * actor it names (requireActorsOf) and indexes only the rows it has just inserted, so
   * SQLite's checks (the initiator of each row, the actor and the row of each index
   * entry) would only repeat them, at about 2 s per million interactions. The pragma
   * cannot change inside a transaction, hence around it; other writes keep the checks.
   */
  private withoutForeignKeyChecks<T>(work: () => T): T {
    this.db.pragma('foreign_keys = OFF');
    try {
      return work();
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  /** The stored interaction whose externalId, or else id, an interaction that was not inserted shares. */
  private storedTwinOf(interaction: Interaction): Interaction {
    const row =
      (interaction.externalId !== null && this.statements.interactionByExternalId.get(interaction.externalId)) ||
      this.statements.interactionById.get(interaction.id);
    if (!row) throw new Error(`interaction ${interaction.id} was neither inserted nor found stored`);
    return toInteraction(row);
  }

  /**
   * The batch with aliases of merged actors resolved; throws for the first initiator or
   * participant (in batch order) that is neither a stored actor nor an alias of one.
   */
  private requireActorsOf(given: readonly Interaction[]): readonly Interaction[] {
    const named = new Set<string>();
    for (const interaction of given) {
      named.add(interaction.initiatorId);
      for (const id of interaction.participantIds) named.add(id);
    }
    const known = new Set(this.statements.existingActorIds.all(JSON.stringify([...named])));
    if (known.size === named.size) return given;
    return resolveAndRequireActors(given, known, this.aliasesOf([...named].filter((id) => !known.has(id))));
  }

  async getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    if (ids.length === 0) return [];
    return this.run(() => {
      const rows = this.statements.actorsByIds.all(JSON.stringify(ids));
      const byId = new Map(rows.map((row) => [row.id, toActor(row)]));
      if (byId.size < new Set(ids).size) {
        // Ids of merged actors: the actor each was merged into.
        const aliases = this.aliasesOf(ids.filter((id) => !byId.has(id)));
        if (aliases.size > 0) {
          const targets = new Map(
            this.statements.actorsByIds.all(JSON.stringify([...aliases.values()])).map((row) => [row.id, toActor(row)]),
          );
          for (const [alias, target] of aliases) {
            const actor = targets.get(target);
            if (actor) byId.set(alias, actor);
          }
        }
      }
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  async getInteractionsByIds(ids: readonly string[]): Promise<(Interaction | null)[]> {
    if (ids.length === 0) return [];
    const rows = this.run(() => this.statements.interactionsByIds.all(JSON.stringify(ids)));
    const byId = new Map(rows.map((row) => [row.id, toInteraction(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listActors(filter: ActorFilter, page: PageRequest<ActorCursor>): Promise<Page<Actor>> {
    const where = actorWhere(filter);
    if (page.after) where.add('id > ?', page.after.id);
    const rows = this.run(() =>
      this.db
        .prepare<unknown[], ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors ${where.sql()} ORDER BY id LIMIT ?`)
        .all(...where.params, page.first + 1),
    );
    return toPage(rows.map(toActor), page.first);
  }

  async countActors(filter: ActorFilter): Promise<number> {
    const where = actorWhere(filter);
    return this.run(
      () => this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM actors ${where.sql()}`).get(...where.params)!.n,
    );
  }

  async listInteractions(filter: InteractionFilter, page: PageRequest<InteractionCursor>): Promise<Page<Interaction>> {
    const where = interactionWhere(filter);
    if (page.after) {
      where.add('(occurred_at > ? OR (occurred_at = ? AND id > ?))', page.after.occurredAt, page.after.occurredAt, page.after.id);
    }
    const rows = this.run(() =>
      this.db
        .prepare<unknown[], InteractionRow>(
          `SELECT ${INTERACTION_COLUMNS} FROM interactions ${where.sql()} ORDER BY occurred_at, id LIMIT ?`,
        )
        .all(...where.params, page.first + 1),
    );
    return toPage(rows.map(toInteraction), page.first);
  }

  async countInteractions(filter: InteractionFilter): Promise<number> {
    const where = interactionWhere(filter);
    return this.run(
      () => this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM interactions ${where.sql()}`).get(...where.params)!.n,
    );
  }

  async *streamWindow(window: TimeWindow, scope: Scope = {}): AsyncIterable<Interaction> {
    const base = interactionWhere({ from: window.from, to: window.to, kinds: scope.interactionKinds });
    if (scope.actorKinds && scope.actorKinds.length > 0) {
      base.add(
        `EXISTS (SELECT 1 FROM interaction_actors ia JOIN actors a ON a.id = ia.actor_id
                 WHERE ia.interaction_seq = interactions.seq AND a.kind IN (SELECT value FROM json_each(?)))`,
        JSON.stringify(scope.actorKinds),
      );
    }
    let after: InteractionCursor | null = null;
    for (;;) {
      const where = base.copy();
      if (after) where.add('(occurred_at > ? OR (occurred_at = ? AND id > ?))', after.occurredAt, after.occurredAt, after.id);
      const rows = this.run(() =>
        this.db
          .prepare<unknown[], InteractionRow>(
            `SELECT ${INTERACTION_COLUMNS} FROM interactions ${where.sql()} ORDER BY occurred_at, id LIMIT ?`,
          )
          .all(...where.params, STREAM_CHUNK),
      );
      for (const row of rows) yield toInteraction(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < STREAM_CHUNK) return;
      after = { occurredAt: last.occurred_at, id: last.id };
    }
  }

  async *streamActors(): AsyncIterable<Actor> {
    let after = '';
    for (;;) {
      const rows = this.run(() =>
        this.db
          .prepare<[string, number], ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors WHERE id > ? ORDER BY id LIMIT ?`)
          .all(after, STREAM_CHUNK),
      );
      for (const row of rows) yield toActor(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < STREAM_CHUNK) return;
      after = last.id;
    }
  }

  async revision(): Promise<number> {
    return this.run(() => this.statements.revision.get()!.value);
  }

  async resolveActorIds(ids: readonly string[]): Promise<string[]> {
    const aliases = this.run(() => this.aliasesOf(ids));
    return ids.map((id) => aliases.get(id) ?? id);
  }

  async updateInteraction(interaction: Interaction, author: Author): Promise<Interaction> {
    const write = this.db.transaction((): Interaction => {
      const stored = this.liveInteractionRow(interaction.id, 'id');
      const [updated] = this.requireActorsOf([interaction]);
      this.db
        .prepare(
          `UPDATE interactions SET kind = ?, occurred_at = ?, initiator_id = ?, participant_ids = ?, weight = ?, note = ?,
             updated_by = ?, updated_at = ? WHERE seq = ?`,
        )
        .run(
          updated!.kind,
          updated!.occurredAt.getTime(),
          updated!.initiatorId,
          JSON.stringify(updated!.participantIds),
          updated!.weight,
          updated!.note,
          author.by,
          author.at.getTime(),
          stored.seq,
        );
      this.reindexInteraction(stored.seq);
      const before = toInteraction(stored);
      this.audit(interactionUpdated(before, updated!, author));
      this.statements.bumpRevision.run();
      return updated!;
    });
    return this.run(() => write());
  }

  async deleteInteractions(ids: readonly string[], reason: string, author: Author): Promise<Interaction[]> {
    const write = this.db.transaction((): Interaction[] => {
      const rows = ids.map((id, i) => this.liveInteractionRow(id, `ids[${i}]`));
      const mark = this.db.prepare(
        'UPDATE interactions SET deleted_at = ?, deleted_by = ?, delete_reason = ?, updated_by = ?, updated_at = ? WHERE seq = ?',
      );
      const deleted = rows.map((row) => {
        mark.run(author.at.getTime(), author.by, reason, author.by, author.at.getTime(), row.seq);
        const interaction = toInteraction(row);
        this.audit(interactionDeleted(interaction, reason, author));
        return interaction;
      });
      if (deleted.length > 0) this.statements.bumpRevision.run();
      return deleted;
    });
    return this.run(() => write());
  }

  async restoreInteractions(ids: readonly string[], author: Author): Promise<Interaction[]> {
    const write = this.db.transaction((): Interaction[] => {
      const find = this.db.prepare<[string], InteractionRow & { deleted_at: number | null }>(
        `SELECT ${INTERACTION_COLUMNS}, deleted_at FROM interactions WHERE id = ?`,
      );
      const unmark = this.db.prepare(
        'UPDATE interactions SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL, updated_by = ?, updated_at = ? WHERE seq = ?',
      );
      const restored = ids.map((id, i) => {
        const row = find.get(id);
        if (!row) throw new InvalidInputError(`ids[${i}]`, id, 'is not a known interaction');
        if (row.deleted_at === null) throw new InvalidInputError(`ids[${i}]`, id, 'is not deleted');
        unmark.run(author.by, author.at.getTime(), row.seq);
        const interaction = toInteraction(row);
        this.audit(interactionRestored(interaction, author));
        return interaction;
      });
      if (restored.length > 0) this.statements.bumpRevision.run();
      return restored;
    });
    return this.run(() => write());
  }

  async mergeActors(sourceId: string, targetId: string, options: { readonly allowKindChange: boolean }, author: Author): Promise<Actor> {
    const write = this.db.transaction((): Actor => {
      const source = this.requireActor(sourceId, 'sourceId');
      const target = this.requireActor(targetId, 'targetId');
      checkMerge(source, target, options.allowKindChange);
      const rows = this.db
        .prepare<[string], InteractionRow>(
          `SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE seq IN (SELECT interaction_seq FROM interaction_actors WHERE actor_id = ?) ORDER BY id`,
        )
        .all(source.id);
      const move = this.db.prepare(
        'UPDATE interactions SET initiator_id = ?, participant_ids = ?, updated_by = ?, updated_at = ? WHERE seq = ?',
      );
      const moved: string[] = [];
      for (const row of rows) {
        const interaction = moveInteraction(toInteraction(row), source.id, target.id);
        move.run(interaction.initiatorId, JSON.stringify(interaction.participantIds), author.by, author.at.getTime(), row.seq);
        this.reindexInteraction(row.seq);
        moved.push(interaction.id);
      }
      const stamp = [author.by, author.at.getTime()] as const;
      const affiliated = this.db
        .prepare<[string], string>('SELECT id FROM actors WHERE affiliation_id = ? ORDER BY id')
        .pluck()
        .all(source.id);
      this.db
        .prepare('UPDATE actors SET affiliation_id = ?, updated_by = ?, updated_at = ? WHERE affiliation_id = ? AND id <> ?')
        .run(target.id, ...stamp, source.id, target.id);
      const merged = mergedTarget(source, target);
      this.db
        .prepare('UPDATE actors SET affiliation_id = ?, updated_by = ?, updated_at = ? WHERE id = ?')
        .run(merged.affiliationId, ...stamp, target.id);
      this.db.prepare('UPDATE actor_aliases SET target_id = ? WHERE target_id = ?').run(target.id, source.id);
      this.db.prepare('INSERT INTO actor_aliases (alias_id, target_id) VALUES (?, ?)').run(source.id, target.id);
      this.db.prepare('DELETE FROM actors WHERE id = ?').run(source.id);
      this.audit(actorsMerged(source, target, { interactionIds: moved, affiliatedActorIds: affiliated }, author));
      this.statements.bumpRevision.run();
      return merged;
    });
    return this.run(() => write());
  }

  async deleteActor(id: string, author: Author): Promise<Actor> {
    const write = this.db.transaction((): Actor => {
      const actor = this.requireActor(id, 'id');
      const interactions = this.db
        .prepare<[string], number>('SELECT count(*) FROM interaction_actors WHERE actor_id = ?')
        .pluck()
        .get(actor.id)!;
      if (interactions > 0) {
        throw new InvalidInputError(
          'id',
          id,
          `has ${interactions} interaction(s) (deleted ones included); merge it into the actor it duplicates instead (mergeActors)`,
        );
      }
      const affiliated = this.db.prepare<[string], number>('SELECT count(*) FROM actors WHERE affiliation_id = ?').pluck().get(actor.id)!;
      if (affiliated > 0) {
        throw new InvalidInputError(
          'id',
          id,
          `has ${affiliated} affiliated actor(s); merge it into the actor it duplicates instead (mergeActors)`,
        );
      }
      this.db.prepare('DELETE FROM actor_aliases WHERE target_id = ?').run(actor.id);
      this.db.prepare('DELETE FROM actors WHERE id = ?').run(actor.id);
      this.audit(actorDeleted(actor, author));
      this.statements.bumpRevision.run();
      return actor;
    });
    return this.run(() => write());
  }

  async getActorStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.stamps('actors', ids);
  }

  async getInteractionStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.stamps('interactions', ids);
  }

  private stamps(table: 'actors' | 'interactions', ids: readonly string[]): (RecordStamp | null)[] {
    if (ids.length === 0) return [];
    const rows = this.run(() =>
      this.db
        .prepare<[string], StampRow>(
          `SELECT id, recorded_by, recorded_at, updated_by, updated_at FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)),
    );
    const byId = new Map(rows.map((row) => [row.id, toStamp(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listAuditLog(filter: AuditFilter, page: PageRequest<AuditCursor>): Promise<Page<AuditEntry>> {
    const where = new Conditions();
    if (filter.actorId) where.add("((subject = 'ACTOR' AND subject_id = ?) OR related_id = ?)", filter.actorId, filter.actorId);
    if (filter.interactionId) where.add("subject = 'INTERACTION' AND subject_id = ?", filter.interactionId);
    if (filter.by) where.add('author = ?', filter.by);
    if (filter.from) where.add('at >= ?', filter.from.getTime());
    if (filter.to) where.add('at < ?', filter.to.getTime());
    if (page.after) where.add('seq > ?', page.after.seq);
    const rows = this.run(() =>
      this.db
        .prepare<unknown[], AuditRow>(`SELECT * FROM audit_log ${where.sql()} ORDER BY seq LIMIT ?`)
        .all(...where.params, page.first + 1),
    );
    return toPage(rows.map(toAuditEntry), page.first);
  }

  async createToken(token: StoredToken, author: Author): Promise<StoredToken> {
    const write = this.db.transaction(() => {
      const taken = this.db
        .prepare<[string], number>('SELECT count(*) FROM api_tokens WHERE name = ? AND revoked_at IS NULL')
        .pluck()
        .get(token.name)!;
      if (taken > 0) throw new InvalidInputError('name', token.name, 'is already the name of a token that is not revoked');
      this.db
        .prepare(
          `INSERT INTO api_tokens (identifier, name, role, secret_hash, created_at, created_by, last_used_at, expires_at, revoked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          token.identifier,
          token.name,
          token.role,
          token.secretHash,
          token.createdAt.getTime(),
          token.createdBy,
          token.lastUsedAt?.getTime() ?? null,
          token.expiresAt?.getTime() ?? null,
          token.revokedAt?.getTime() ?? null,
        );
      this.audit(tokenCreated(token, author));
    });
    this.run(() => write());
    return token;
  }

  async findToken(identifier: string): Promise<StoredToken | null> {
    const row = this.run(() => this.db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE identifier = ?').get(identifier));
    return row ? toToken(row) : null;
  }

  async listTokens(): Promise<StoredToken[]> {
    return this.run(() => this.db.prepare<[], TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, name').all()).map(toToken);
  }

  async revokeToken(name: string, author: Author): Promise<StoredToken> {
    const write = this.db.transaction((): StoredToken => {
      const row = this.db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE name = ? AND revoked_at IS NULL').get(name);
      if (!row) throw new InvalidInputError('name', name, 'is not the name of a token that is not revoked');
      this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE identifier = ?').run(author.at.getTime(), row.identifier);
      const token = toToken(row);
      const revoked = { ...token, revokedAt: author.at };
      this.audit(tokenRevoked(token, revoked, author));
      return revoked;
    });
    return this.run(() => write());
  }

  async touchToken(identifier: string, at: Date): Promise<void> {
    this.run(() => this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE identifier = ?').run(at.getTime(), identifier));
  }

  /** A live interaction's row, or InvalidInputError naming `field`. */
  private liveInteractionRow(id: string, field: string): InteractionRow {
    const row = this.db
      .prepare<[string], InteractionRow & { deleted_at: number | null }>(
        `SELECT ${INTERACTION_COLUMNS}, deleted_at FROM interactions WHERE id = ?`,
      )
      .get(id);
    if (!row) throw new InvalidInputError(field, id, 'is not a known interaction');
    if (row.deleted_at !== null) throw new InvalidInputError(field, id, 'is deleted; restore it first (restoreInteractions)');
    return row;
  }

  private requireActor(id: string, field: string): Actor {
    const row = this.statements.actorsByIds.get(JSON.stringify([id]));
    if (!row) throw new InvalidInputError(field, id, 'is not a known actor');
    return toActor(row);
  }

  /** Rebuilds one interaction's interaction_actors entries after its actors changed. */
  private reindexInteraction(seq: number): void {
    this.db.prepare('DELETE FROM interaction_actors WHERE interaction_seq = ?').run(seq);
    this.statements.indexInteractionActors.run(seq, seq, seq, seq);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Runs a database call, turning SQLite's own failures (disk full, locked, closed) into StoreUnavailableError. */
  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      // The closed-connection TypeError comes from native code, so it may belong to another
      // realm (as under Jest): recognise it by its message, not by instanceof.
      const message = error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
      if (error instanceof Database.SqliteError || /connection is not open/.test(message)) {
        throw new StoreUnavailableError(`Embedded database error: ${message}`, { cause: error });
      }
      throw error;
    }
  }
}

/** A WHERE clause built from fixed SQL fragments; every value is a bound parameter. */
class Conditions {
  private readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  copy(): Conditions {
    const copy = new Conditions();
    copy.clauses.push(...this.clauses);
    copy.params.push(...this.params);
    return copy;
  }

  sql(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }
}

function actorWhere(filter: ActorFilter): Conditions {
  const where = new Conditions();
  if (filter.kinds && filter.kinds.length > 0) where.add('kind IN (SELECT value FROM json_each(?))', JSON.stringify(filter.kinds));
  if (filter.region) where.add('region = ?', filter.region);
  if (filter.tag) where.add('EXISTS (SELECT 1 FROM json_each(actors.tags) WHERE value = ?)', filter.tag);
  if (filter.search) where.add('instr(name_folded, ?) > 0', filter.search.toLowerCase());
  return where;
}

function interactionWhere(filter: InteractionFilter): Conditions {
  const where = new Conditions().add('deleted_at IS NULL');
  if (filter.from) where.add('occurred_at >= ?', filter.from.getTime());
  if (filter.to) where.add('occurred_at < ?', filter.to.getTime());
  if (filter.kinds && filter.kinds.length > 0) where.add('kind IN (SELECT value FROM json_each(?))', JSON.stringify(filter.kinds));
  if (filter.actorId) {
    where.add('seq IN (SELECT interaction_seq FROM interaction_actors WHERE actor_id = ?)', filter.actorId);
  }
  return where;
}

function toActor(row: ActorRow): Actor {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ActorKind,
    region: row.region,
    tags: JSON.parse(row.tags) as string[],
    affiliationId: row.affiliation_id,
  };
}

function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    externalId: row.external_id,
    kind: row.kind as InteractionKind,
    occurredAt: new Date(row.occurred_at),
    initiatorId: row.initiator_id,
    participantIds: JSON.parse(row.participant_ids) as string[],
    weight: row.weight,
    note: row.note,
  };
}

function toStamp(row: StampRow): RecordStamp {
  return {
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at === null ? null : new Date(row.recorded_at),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at === null ? null : new Date(row.updated_at),
  };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: new Date(row.at),
    by: row.author,
    action: row.action as AuditAction,
    subject: row.subject as AuditSubject,
    subjectId: row.subject_id,
    relatedId: row.related_id,
    before: fromAuditJson(row.before_json),
    after: fromAuditJson(row.after_json),
    reason: row.reason,
  };
}

function toToken(row: TokenRow): StoredToken {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    identifier: row.identifier,
    name: row.name,
    role: row.role as Role,
    secretHash: row.secret_hash,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    lastUsedAt: date(row.last_used_at),
    expiresAt: date(row.expires_at),
    revokedAt: date(row.revoked_at),
  };
}
