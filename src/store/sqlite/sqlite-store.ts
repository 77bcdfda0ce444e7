import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Actor, ActorKind } from '../../domain/actor';
import { InvalidInputError, StoreUnavailableError } from '../../domain/errors';
import type { Interaction, InteractionKind } from '../../domain/interaction';
import type { ActorCursor, InteractionCursor, Page, PageRequest } from '../../domain/page';
import type { Scope, TimeWindow } from '../../domain/time-window';
import type { ActorFilter, InteractionFilter, RecordedInteraction, Store } from '../store';
import { SCHEMA_SQL } from './schema';

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
    db.exec(SCHEMA_SQL);
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
        `INSERT INTO actors (id, name, name_folded, kind, region, tags, affiliation_id)
         VALUES (@id, @name, @nameFolded, @kind, @region, @tags, @affiliationId)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, kind = excluded.kind,
           region = excluded.region, tags = excluded.tags, affiliation_id = excluded.affiliation_id`,
      ),
      actorsByIds: db.prepare<[string], ActorRow>(
        `SELECT ${ACTOR_COLUMNS} FROM actors WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      interactionsByIds: db.prepare<[string], InteractionRow>(
        `SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      // Positional parameters: binding by name costs a million-row import 0.5 s more. A row
      // whose id or externalId is taken is not inserted (changes = 0): the unique indexes
      // find what is stored already, so it is looked up only then (interactionBy…).
      insertInteraction: db.prepare<[string, string | null, string, number, string, string, number, string | null]>(
        `INSERT INTO interactions (id, external_id, kind, occurred_at, initiator_id, participant_ids, weight, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      interactionByExternalId: db.prepare<[string], InteractionRow>(`SELECT ${INTERACTION_COLUMNS} FROM interactions WHERE external_id = ?`),
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

  async upsertActors(actors: readonly Actor[]): Promise<Actor[]> {
    const write = this.db.transaction((batch: readonly Actor[]) => {
      for (const actor of batch) {
        this.statements.upsertActor.run({
          id: actor.id,
          name: actor.name,
          nameFolded: actor.name.toLowerCase(),
          kind: actor.kind,
          region: actor.region,
          tags: JSON.stringify(actor.tags),
          affiliationId: actor.affiliationId,
        });
      }
      // Checked after the whole batch is in, so an actor may name one that comes later in it.
      batch.forEach((actor, i) => {
        if (actor.affiliationId !== null && !this.statements.actorExists.get(actor.affiliationId)) {
          throw new InvalidInputError(`actors[${i}].affiliationId`, actor.affiliationId, 'is not a known actor');
        }
      });
      if (batch.length > 0) this.statements.bumpRevision.run();
    });
    this.run(() => write(actors));
    return this.getActorsByIds(actors.map((actor) => actor.id)) as Promise<Actor[]>;
  }

  async recordInteractions(interactions: readonly Interaction[]): Promise<RecordedInteraction[]> {
    const write = this.db.transaction((batch: readonly Interaction[]): RecordedInteraction[] => {
      this.requireActorsOf(batch);
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

  /** Throws for the first initiator or participant (in batch order) that is not a stored actor. */
  private requireActorsOf(batch: readonly Interaction[]): void {
    const named = new Set<string>();
    for (const interaction of batch) {
      named.add(interaction.initiatorId);
      for (const id of interaction.participantIds) named.add(id);
    }
    const known = new Set(this.statements.existingActorIds.all(JSON.stringify([...named])));
    if (known.size === named.size) return;
    batch.forEach((interaction, i) => {
      const path = `interactions[${i}]`;
      if (!known.has(interaction.initiatorId)) {
        throw new InvalidInputError(`${path}.initiatorId`, interaction.initiatorId, 'is not a known actor');
      }
      interaction.participantIds.forEach((id, p) => {
        if (!known.has(id)) throw new InvalidInputError(`${path}.participantIds[${p}]`, id, 'is not a known actor');
      });
    });
  }

  async getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    if (ids.length === 0) return [];
    const rows = this.run(() => this.statements.actorsByIds.all(JSON.stringify(ids)));
    const byId = new Map(rows.map((row) => [row.id, toActor(row)]));
    return ids.map((id) => byId.get(id) ?? null);
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
      () =>
        this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM interactions ${where.sql()}`).get(...where.params)!
          .n,
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
  const where = new Conditions();
  if (filter.from) where.add('occurred_at >= ?', filter.from.getTime());
  if (filter.to) where.add('occurred_at < ?', filter.to.getTime());
  if (filter.kinds && filter.kinds.length > 0) where.add('kind IN (SELECT value FROM json_each(?))', JSON.stringify(filter.kinds));
  if (filter.actorId) {
    where.add('seq IN (SELECT interaction_seq FROM interaction_actors WHERE actor_id = ?)', filter.actorId);
  }
  return where;
}

function toPage<T>(rows: T[], first: number): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
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
