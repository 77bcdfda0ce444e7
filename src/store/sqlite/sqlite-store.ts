import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { systemAuthor, type Author, type StoredToken } from '../../domain/access';
import { sameActor, type Actor } from '../../domain/actor';
import { foldName } from '../../domain/actor-names';
import {
  DEFAULT_AUDIT_ORDER,
  type AuditCursor,
  type AuditEntry,
  type AuditFilter,
  type AuditOrder,
  type AuditRecord,
  type RecordStamp,
} from '../../domain/audit';
import type { Interaction } from '../../domain/interaction';
import { toPage, type ActorCursor, type InteractionCursor, type Page, type PageRequest } from '../../domain/page';
import type { Scope } from '../../domain/scope';
import type { TimeWindow } from '../../domain/time-window';
import * as audit from '../audit-entries';
import {
  checkMerge,
  idsNamedByActors,
  actorsToWrite,
  mergedTarget,
  moveOrDropInteraction,
  NOT_WRITTEN,
  batchPath,
  patchPath,
  resolveAndRequireActors,
  type InteractionPath,
} from '../merge-rules';
import * as checks from '../reference-checks';
import type { ActorFilter, InteractionFilter, InteractionSink, RecordedInteraction, Store, WindowFile } from '../store';
import { actorWhere, afterInteraction, auditWhere, interactionWhere, windowWhere, type Conditions } from './conditions';
import {
  actorParams,
  auditParams,
  interactionParams,
  toActor,
  toAuditEntry,
  toInteraction,
  toStamp,
  toToken,
  tokenParams,
  type ActorRow,
  type AuditRow,
  type InteractionRow,
  type InteractionStateRow,
} from './rows';
import { SCHEMA_SQL, upgradeOlderSchema } from './schema';
import { isBusy, openFailure, translateSqliteError } from './sqlite-errors';
import { SqliteSurveyStore } from './surveys';
import { readWindowColumns, type ColumnRow } from './window-columns';
import {
  actorCount,
  actorPage,
  auditPage,
  auditPageNewestFirst,
  interactionCount,
  interactionPage,
  PRAGMAS,
  STATEMENTS,
  type Statement,
} from './statements';

/**
 * How long a write waits for another writer (the server for `copnet import`, and the other way
 * round) before it fails with STORE_UNAVAILABLE: longer than an import's largest batch takes.
 */
export const WRITE_LOCK_WAIT_MS = 30_000;

/**
 * Rows read per query when streaming a window: bounded memory, no open cursor across awaits.
 * Reads are synchronous, so between chunks the stream yields to the event loop: a long window
 * (an export of every year) must not hold other requests for the whole read (issue 19, stall 5).
 */
const STREAM_CHUNK = 2000;

/**
 * Opens (creating if absent) the embedded store: one SQLite file (statements.ts has the
 * pragmas, schema.ts the tables).
 */
export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
    for (const pragma of PRAGMAS) db.pragma(pragma);
    // IMMEDIATE, as every write below: the write lock is taken first, so a second process
    // (the server, an import) holding it is waited for up to busy_timeout. A deferred
    // transaction that reads then writes gets SQLITE_BUSY at once instead ("database is locked").
    db.transaction(() => {
      upgradeOlderSchema(db);
      db.exec(SCHEMA_SQL);
    }).immediate();
    // From now on a busy write lock is waited for without blocking the thread (SqliteStore.write).
    db.pragma('busy_timeout = 0');
  } catch (error) {
    throw openFailure(path, error);
  }
  return new SqliteStore(db);
}

/** STATEMENTS, prepared. */
type Prepared<S> = { readonly [K in keyof S]: S[K] extends Statement<infer P, infer R> ? Database.Statement<P, R> : never };

function prepareAll<S extends Record<string, Statement<never[], unknown>>>(db: Database.Database, statements: S): Prepared<S> {
  const prepared = Object.entries(statements).map(([name, statement]) => {
    const ready = db.prepare(statement.sql);
    return [name, statement.pluck ? ready.pluck() : ready] as const;
  });
  return Object.fromEntries(prepared) as Prepared<S>;
}

/**
 * The Store port over better-sqlite3, the only module that calls it: SQL text is in
 * statements.ts, WHERE clauses in conditions.ts, row conversions in rows.ts, error translation
 * in sqlite-errors.ts. Each write is one synchronous transaction, begun IMMEDIATE so that it
 * waits for another process's write to commit (busy_timeout) instead of failing at once.
 */
class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly surveys: SqliteSurveyStore;
  private readonly statements: Prepared<typeof STATEMENTS>;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareAll(db, STATEMENTS);
    this.surveys = new SqliteSurveyStore(db, { write: (work) => this.write(work), run: (work) => this.run(work) });
  }

  async upsertActors(actors: readonly Actor[], author: Author = systemAuthor()): Promise<Actor[]> {
    const write = this.db.transaction((given: readonly Actor[]) => {
      const batch = actorsToWrite(given, this.aliasesOf(idsNamedByActors(given)));
      const written = batch.filter((actor): actor is Actor => actor !== null);
      const before = new Map(this.actorsByIds(written.map((actor) => actor.id)).map((actor) => [actor.id, actor]));
      for (const actor of written) {
        const previous = before.get(actor.id) ?? null;
        if (sameActor(actor, previous)) continue;
        this.statements.upsertActor.run(actorParams(actor, author));
        this.appendAudit(audit.actorWritten(actor, previous, author));
        before.set(actor.id, actor);
      }
      // Checked after the whole batch is in, so an actor may name one that comes later in it.
      checks.requireKnownAffiliations(
        batch.map((actor) => actor ?? NOT_WRITTEN),
        given,
        (id) => this.statements.actorExists.get(id) !== undefined,
      );
      if (batch.length > 0) this.statements.bumpRevision.run();
    });
    await this.write(() => write.immediate(actors));
    return this.getActorsByIds(actors.map((actor) => actor.id)) as Promise<Actor[]>;
  }

  async recordInteractions(
    interactions: readonly Interaction[],
    author: Author = systemAuthor(),
    source: string | null = null,
  ): Promise<RecordedInteraction[]> {
    const by = author.by;
    const at = author.at.getTime();
    const write = this.db.transaction((given: readonly Interaction[]): RecordedInteraction[] => {
      const batch = this.requireActorsOf(given);
      const auditSeq = this.statements.nextAuditSeq.get()!;
      const created: string[] = [];
      let firstSeq = 0;
      let lastSeq = 0;
      const results = batch.map((interaction): RecordedInteraction => {
        const { changes, lastInsertRowid } = this.statements.insertInteraction.run(...interactionParams(interaction, by, at, auditSeq));
        // Stored already, or earlier in this batch: the stored one, by externalId first.
        if (changes === 0) return { interaction: this.storedTwinOf(interaction), created: false };
        lastSeq = Number(lastInsertRowid);
        if (firstSeq === 0) firstSeq = lastSeq;
        created.push(interaction.id);
        return { interaction, created: true };
      });
      if (firstSeq > 0) {
        // One writer holds the transaction, so this batch's rows are exactly seq firstSeq..lastSeq.
        this.statements.indexInteractionActors.run(firstSeq, lastSeq, firstSeq, lastSeq);
        this.statements.insertAuditNumbered.run(auditSeq, ...auditParams(audit.interactionsRecorded(created, source, author)));
        this.statements.bumpRevision.run();
      }
      return results;
    });
    return this.write(() => this.withoutForeignKeyChecks(() => write.immediate(interactions)));
  }

  async getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    if (ids.length === 0) return [];
    return this.run(() => {
      const byId = new Map(this.actorsByIds(ids).map((actor) => [actor.id, actor]));
      if (byId.size < new Set(ids).size) {
        // Ids of merged actors: the actor each was merged into.
        const aliases = this.aliasesOf(ids.filter((id) => !byId.has(id)));
        if (aliases.size > 0) {
          const targets = new Map(this.actorsByIds([...aliases.values()]).map((actor) => [actor.id, actor]));
          for (const [alias, target] of aliases) {
            const actor = targets.get(target);
            if (actor) byId.set(alias, actor);
          }
        }
      }
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  async findActorsByNames(names: readonly string[]): Promise<Actor[]> {
    if (names.length === 0) return [];
    return this.run(() => this.statements.actorsByFoldedNames.all(JSON.stringify([...new Set(names.map(foldName))]))).map(toActor);
  }

  async getInteractionsByIds(ids: readonly string[]): Promise<(Interaction | null)[]> {
    if (ids.length === 0) return [];
    const rows = this.run(() => this.statements.interactionsByIds.all(JSON.stringify(ids)));
    const byId = new Map(rows.map((row) => [row.id, toInteraction(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listActors(filter: ActorFilter, page: PageRequest<ActorCursor>): Promise<Page<Actor>> {
    return this.page<ActorRow, Actor>(actorPage, actorWhere(filter, page.after?.id ?? null), page.first, toActor);
  }

  async countActors(filter: ActorFilter): Promise<number> {
    return this.count(actorCount, actorWhere(filter));
  }

  async listInteractions(filter: InteractionFilter, page: PageRequest<InteractionCursor>): Promise<Page<Interaction>> {
    const where = afterInteraction(interactionWhere(filter), page.after);
    return this.page<InteractionRow, Interaction>(interactionPage, where, page.first, toInteraction);
  }

  async countInteractions(filter: InteractionFilter): Promise<number> {
    return this.count(interactionCount, interactionWhere(filter));
  }

  async countWindow(window: TimeWindow, scope: Scope = {}): Promise<number> {
    return this.count(interactionCount, windowWhere(window.from, window.to, scope));
  }

  get windowFile(): WindowFile | undefined {
    return this.db.memory ? undefined : { kind: 'sqlite', path: resolve(this.db.name) };
  }

  async *streamWindow(window: TimeWindow, scope: Scope = {}): AsyncIterable<Interaction> {
    const base = windowWhere(window.from, window.to, scope);
    let after: InteractionCursor | null = null;
    for (;;) {
      const rows: InteractionRow[] = this.rows<InteractionRow>(interactionPage, afterInteraction(base.copy(), after), STREAM_CHUNK);
      for (const row of rows) yield toInteraction(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < STREAM_CHUNK) return;
      after = { occurredAt: last.occurred_at, id: last.id };
      await nextTurn();
    }
  }

  async readWindowInto(window: TimeWindow, scope: Scope, sink: InteractionSink): Promise<void> {
    const query = (sql: string, params: readonly unknown[]): ColumnRow[] =>
      this.run(() =>
        this.db
          .prepare<unknown[], ColumnRow>(sql)
          .raw(true)
          .all(...params),
      );
    await readWindowColumns(query, window, scope, sink, nextTurn);
  }

  async *streamActors(): AsyncIterable<Actor> {
    let after = '';
    for (;;) {
      const rows = this.run(() => this.statements.actorsAfter.all(after, STREAM_CHUNK));
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
      const stored = this.interactionRow(interaction.id, 'id', checks.requireLiveInteraction);
      const [updated] = this.requireActorsOf([interaction], patchPath);
      this.unindexInteraction(stored.seq);
      this.statements.updateInteraction.run(
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
      this.indexInteraction(stored.seq);
      this.appendAudit(audit.interactionUpdated(toInteraction(stored), updated!, author));
      this.statements.bumpRevision.run();
      return updated!;
    });
    return this.write(() => write.immediate());
  }

  async deleteInteractions(ids: readonly string[], reason: string, author: Author): Promise<Interaction[]> {
    const write = this.db.transaction((): Interaction[] => {
      const rows = ids.map((id, i) => this.interactionRow(id, `ids[${i}]`, checks.requireLiveInteraction));
      const deleted = rows.map((row) => {
        this.statements.markInteractionDeleted.run(author.at.getTime(), author.by, reason, author.by, author.at.getTime(), row.seq);
        const interaction = toInteraction(row);
        this.appendAudit(audit.interactionDeleted(interaction, reason, author));
        return interaction;
      });
      if (deleted.length > 0) this.statements.bumpRevision.run();
      return deleted;
    });
    return this.write(() => write.immediate());
  }

  async restoreInteractions(ids: readonly string[], author: Author): Promise<Interaction[]> {
    const write = this.db.transaction((): Interaction[] => {
      const restored = ids.map((id, i) => {
        const row = this.interactionRow(id, `ids[${i}]`, checks.requireDeletedInteraction);
        this.statements.unmarkInteractionDeleted.run(author.by, author.at.getTime(), row.seq);
        const interaction = toInteraction(row);
        this.appendAudit(audit.interactionRestored(interaction, author));
        return interaction;
      });
      if (restored.length > 0) this.statements.bumpRevision.run();
      return restored;
    });
    return this.write(() => write.immediate());
  }

  async mergeActors(sourceId: string, targetId: string, options: { readonly allowKindChange: boolean }, author: Author): Promise<Actor> {
    const write = this.db.transaction((): Actor => {
      const source = this.knownActor(sourceId, 'sourceId');
      const target = this.knownActor(targetId, 'targetId');
      checkMerge(source, target, options.allowKindChange);
      const stamp = [author.by, author.at.getTime()] as const;
      const moved: string[] = [];
      const dropped: string[] = [];
      for (const row of this.statements.interactionsOfActor.all(source.id)) {
        const interaction = moveOrDropInteraction(toInteraction(row), row.deleted_at !== null, source.id, target.id);
        if (interaction === null) {
          this.dropInteraction(row.seq);
          dropped.push(row.id);
          continue;
        }
        this.unindexInteraction(row.seq);
        this.statements.moveInteraction.run(interaction.initiatorId, JSON.stringify(interaction.participantIds), ...stamp, row.seq);
        this.indexInteraction(row.seq);
        moved.push(interaction.id);
      }
      const affiliated = this.statements.actorsAffiliatedWith.all(source.id);
      this.statements.moveAffiliations.run(target.id, ...stamp, source.id, target.id);
      const merged = mergedTarget(source, target);
      this.statements.setAffiliation.run(merged.affiliationId, ...stamp, target.id);
      this.statements.retargetAliases.run(target.id, source.id);
      this.statements.insertAlias.run(source.id, target.id);
      this.statements.deleteActor.run(source.id);
      this.surveys.moveActorInTransaction(source.id, target.id);
      this.appendAudit(
        audit.actorsMerged(
          source,
          target,
          { interactionIds: moved, affiliatedActorIds: affiliated, droppedInteractionIds: dropped },
          author,
        ),
      );
      this.statements.bumpRevision.run();
      return merged;
    });
    return this.write(() => write.immediate());
  }

  async deleteActor(id: string, author: Author): Promise<Actor> {
    const write = this.db.transaction((): Actor => {
      const actor = this.knownActor(id, 'id');
      checks.requireUnreferencedActor(id, {
        interactions: this.statements.countActorInteractions.get(actor.id)!,
        affiliated: this.statements.countAffiliated.get(actor.id)!,
      });
      this.surveys.requireOffRostersInTransaction(actor.id);
      const dropped = this.statements.deletedInteractionsOfActor.all(actor.id);
      for (const row of dropped) this.dropInteraction(row.seq);
      this.statements.deleteAliasesOf.run(actor.id);
      this.statements.deleteActor.run(actor.id);
      this.appendAudit(
        audit.actorDeleted(
          actor,
          author,
          dropped.map((row) => row.id),
        ),
      );
      this.statements.bumpRevision.run();
      return actor;
    });
    return this.write(() => write.immediate());
  }

  async getActorStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.stamps(this.statements.actorStamps, ids);
  }

  async getInteractionStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.stamps(this.statements.interactionStamps, ids);
  }

  private stamps(statement: Prepared<typeof STATEMENTS>['actorStamps'], ids: readonly string[]): (RecordStamp | null)[] {
    if (ids.length === 0) return [];
    const rows = this.run(() => statement.all(JSON.stringify(ids)));
    const byId = new Map(rows.map((row) => [row.id, toStamp(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listAuditLog(
    filter: AuditFilter,
    page: PageRequest<AuditCursor>,
    order: AuditOrder = DEFAULT_AUDIT_ORDER,
  ): Promise<Page<AuditEntry>> {
    const newestFirst = order === 'NEWEST_FIRST';
    const statement = newestFirst ? auditPageNewestFirst : auditPage;
    return this.page<AuditRow, AuditEntry>(statement, auditWhere(filter, page.after, newestFirst), page.first, toAuditEntry);
  }

  async createToken(token: StoredToken, author: Author): Promise<StoredToken> {
    const write = this.db.transaction(() => {
      checks.requireFreeTokenName(token.name, this.statements.activeTokenNamed.get(token.name) !== undefined);
      this.statements.insertToken.run(...tokenParams(token));
      this.appendAudit(audit.tokenCreated(token, author));
    });
    await this.write(() => write.immediate());
    return token;
  }

  async findToken(identifier: string): Promise<StoredToken | null> {
    const row = this.run(() => this.statements.tokenByIdentifier.get(identifier));
    return row ? toToken(row) : null;
  }

  async listTokens(): Promise<StoredToken[]> {
    return this.run(() => this.statements.tokens.all()).map(toToken);
  }

  async revokeToken(name: string, author: Author): Promise<StoredToken> {
    const write = this.db.transaction((): StoredToken => {
      const row = checks.requireActiveToken(this.statements.activeTokenNamed.get(name), name);
      this.statements.revokeToken.run(author.at.getTime(), row.identifier);
      const token = toToken(row);
      const revoked = { ...token, revokedAt: author.at };
      this.appendAudit(audit.tokenRevoked(token, revoked, author));
      return revoked;
    });
    return this.write(() => write.immediate());
  }

  async touchToken(identifier: string, at: Date): Promise<void> {
    await this.write(() => this.statements.touchToken.run(at.getTime(), identifier));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private actorsByIds(ids: readonly string[]): Actor[] {
    return this.statements.actorsByIds.all(JSON.stringify(ids)).map(toActor);
  }

  private aliasesOf(ids: readonly string[]): Map<string, string> {
    if (ids.length === 0) return new Map();
    return new Map(this.statements.aliasesOf.all(JSON.stringify(ids)).map((row) => [row.alias_id, row.target_id]));
  }

  /**
   * The batch with aliases of merged actors resolved; throws for the first initiator or
   * participant (in batch order) that is neither a stored actor nor an alias of one.
   */
  private requireActorsOf(given: readonly Interaction[], pathOf: InteractionPath = batchPath): readonly Interaction[] {
    const named = new Set<string>();
    for (const interaction of given) {
      named.add(interaction.initiatorId);
      for (const id of interaction.participantIds) named.add(id);
    }
    const known = new Set(this.statements.existingActorIds.all(JSON.stringify([...named])));
    if (known.size === named.size) return given;
    return resolveAndRequireActors(given, known, this.aliasesOf([...named].filter((id) => !known.has(id))), pathOf);
  }

  private knownActor(id: string, field: string): Actor {
    const found = this.actorsByIds([id])[0];
    return checks.requireActor(found, id, field, found ? undefined : this.aliasesOf([id]).get(id));
  }

  /** An interaction's row, checked by `require` (reference-checks.ts) for the argument `field`. */
  private interactionRow(id: string, field: string, require: typeof checks.requireLiveInteraction): InteractionStateRow {
    const row = this.statements.interactionStateById.get(id);
    require(row && { deleted: row.deleted_at !== null }, id, field);
    return row!;
  }

  /** The stored interaction whose externalId, or else id, an interaction that was not inserted shares. */
  private storedTwinOf(interaction: Interaction): Interaction {
    const row =
      (interaction.externalId !== null && this.statements.interactionByExternalId.get(interaction.externalId)) ||
      this.statements.interactionById.get(interaction.id);
    if (!row) throw new Error(`interaction ${interaction.id} was neither inserted nor found stored`);
    return toInteraction(row);
  }

  /** Removes a deleted interaction for good (a merge or an actor's deletion left it no actors to stand between). */
  private dropInteraction(seq: number): void {
    this.unindexInteraction(seq);
    this.statements.dropInteraction.run(seq);
  }

  /** Removes one interaction's interaction_actors entries: before its initiator or participants change. */
  private unindexInteraction(seq: number): void {
    this.statements.unindexInteraction.run(seq, seq, seq);
  }

  /** Writes one interaction's interaction_actors entries: after its initiator or participants changed. */
  private indexInteraction(seq: number): void {
    this.statements.indexInteractionActors.run(seq, seq, seq, seq);
  }

  private appendAudit(record: AuditRecord): void {
    this.statements.insertAudit.run(...auditParams(record));
  }

  /** Up to `limit` rows of a statement around a WHERE clause (statements.ts), in its order. */
  private rows<R>(statement: (where: string) => string, where: Conditions, limit: number): R[] {
    return this.run(() => this.db.prepare<unknown[], R>(statement(where.sql())).all(...where.params, limit));
  }

  /** One page, keyset-paged by `where`: one row more than asked tells whether another page follows. */
  private page<R, T>(statement: (where: string) => string, where: Conditions, first: number, convert: (row: R) => T): Page<T> {
    return toPage(this.rows<R>(statement, where, first + 1).map(convert), first);
  }

  private count(statement: (where: string) => string, where: Conditions): number {
    return this.run(() => this.db.prepare<unknown[], { n: number }>(statement(where.sql())).get(...where.params)!.n);
  }

  /**
   * Runs a write whose references the store has checked itself, inside the same
   * transaction, without SQLite's foreign-key checks: recordInteractions checks every
   * actor it names (requireActorsOf) and indexes only the rows it has just inserted, so
   * SQLite's checks (the initiator of each row, the actor and the row of each index
   * entry) would only repeat them, at a cost that grows with the batch. The pragma
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

  /**
   * Runs a write (a transaction begun IMMEDIATE, or one statement) that may find another
   * connection, in this process or another, holding the write lock: it is tried again after a
   * pause that doubles up to 100 ms, for up to WRITE_LOCK_WAIT_MS, so the wait never blocks the
   * thread (SQLite's own busy handler would sleep on it, holding every other request). Only the
   * start of a write meets the lock: BEGIN IMMEDIATE takes it before anything is read or written.
   */
  private async write<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || Date.now() + pause > deadline) throw translateSqliteError(error);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** Runs a database call, turning SQLite's own failures into StoreUnavailableError (sqlite-errors.ts). */
  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error);
    }
  }
}
