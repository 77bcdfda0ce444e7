import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { systemAuthor, type Author, type StoredToken } from '../../domain/access';
import { sameActor, type Actor } from '../../domain/actor';
import type { AuditCursor, AuditEntry, AuditFilter, AuditRecord, RecordStamp } from '../../domain/audit';
import type { Interaction } from '../../domain/interaction';
import { toPage, type ActorCursor, type InteractionCursor, type Page, type PageRequest } from '../../domain/page';
import type { Scope } from '../../domain/scope';
import type { TimeWindow } from '../../domain/time-window';
import * as audit from '../audit-entries';
import { checkMerge, idsNamedByActors, mergedTarget, moveInteraction, resolveActorAliases, resolveAndRequireActors } from '../merge-rules';
import * as checks from '../reference-checks';
import type { ActorFilter, InteractionFilter, RecordedInteraction, Store } from '../store';
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
import { openFailure, translateSqliteError } from './sqlite-errors';
import { actorCount, actorPage, auditPage, interactionCount, interactionPage, PRAGMAS, STATEMENTS, type Statement } from './statements';

/** Rows read per query when streaming a window: bounded memory, no open cursor across awaits. */
const STREAM_CHUNK = 5000;

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
    db.transaction(() => {
      upgradeOlderSchema(db);
      db.exec(SCHEMA_SQL);
    })();
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
 * in sqlite-errors.ts. Each write is one synchronous transaction.
 */
class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements: Prepared<typeof STATEMENTS>;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareAll(db, STATEMENTS);
  }

  async upsertActors(actors: readonly Actor[], author: Author = systemAuthor()): Promise<Actor[]> {
    const write = this.db.transaction((given: readonly Actor[]) => {
      const batch = resolveActorAliases(given, this.aliasesOf(idsNamedByActors(given)));
      const before = new Map(this.actorsByIds(batch.map((actor) => actor.id)).map((actor) => [actor.id, actor]));
      for (const actor of batch) {
        const previous = before.get(actor.id) ?? null;
        if (sameActor(actor, previous)) continue;
        this.statements.upsertActor.run(actorParams(actor, author));
        this.appendAudit(audit.actorWritten(actor, previous, author));
        before.set(actor.id, actor);
      }
      // Checked after the whole batch is in, so an actor may name one that comes later in it.
      checks.requireKnownAffiliations(batch, given, (id) => this.statements.actorExists.get(id) !== undefined);
      if (batch.length > 0) this.statements.bumpRevision.run();
    });
    this.run(() => write(actors));
    return this.getActorsByIds(actors.map((actor) => actor.id)) as Promise<Actor[]>;
  }

  async recordInteractions(interactions: readonly Interaction[], author: Author = systemAuthor()): Promise<RecordedInteraction[]> {
    const by = author.by;
    const at = author.at.getTime();
    const write = this.db.transaction((given: readonly Interaction[]): RecordedInteraction[] => {
      const batch = this.requireActorsOf(given);
      let firstSeq = 0;
      let lastSeq = 0;
      const results = batch.map((interaction): RecordedInteraction => {
        const { changes, lastInsertRowid } = this.statements.insertInteraction.run(...interactionParams(interaction, by, at));
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

  async *streamWindow(window: TimeWindow, scope: Scope = {}): AsyncIterable<Interaction> {
    const base = windowWhere(window.from, window.to, scope);
    let after: InteractionCursor | null = null;
    for (;;) {
      const rows: InteractionRow[] = this.rows<InteractionRow>(interactionPage, afterInteraction(base.copy(), after), STREAM_CHUNK);
      for (const row of rows) yield toInteraction(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < STREAM_CHUNK) return;
      after = { occurredAt: last.occurred_at, id: last.id };
    }
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
      const [updated] = this.requireActorsOf([interaction]);
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
      this.reindexInteraction(stored.seq);
      this.appendAudit(audit.interactionUpdated(toInteraction(stored), updated!, author));
      this.statements.bumpRevision.run();
      return updated!;
    });
    return this.run(() => write());
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
    return this.run(() => write());
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
    return this.run(() => write());
  }

  async mergeActors(sourceId: string, targetId: string, options: { readonly allowKindChange: boolean }, author: Author): Promise<Actor> {
    const write = this.db.transaction((): Actor => {
      const source = this.knownActor(sourceId, 'sourceId');
      const target = this.knownActor(targetId, 'targetId');
      checkMerge(source, target, options.allowKindChange);
      const stamp = [author.by, author.at.getTime()] as const;
      const moved: string[] = [];
      for (const row of this.statements.interactionsOfActor.all(source.id)) {
        const interaction = moveInteraction(toInteraction(row), source.id, target.id);
        this.statements.moveInteraction.run(interaction.initiatorId, JSON.stringify(interaction.participantIds), ...stamp, row.seq);
        this.reindexInteraction(row.seq);
        moved.push(interaction.id);
      }
      const affiliated = this.statements.actorsAffiliatedWith.all(source.id);
      this.statements.moveAffiliations.run(target.id, ...stamp, source.id, target.id);
      const merged = mergedTarget(source, target);
      this.statements.setAffiliation.run(merged.affiliationId, ...stamp, target.id);
      this.statements.retargetAliases.run(target.id, source.id);
      this.statements.insertAlias.run(source.id, target.id);
      this.statements.deleteActor.run(source.id);
      this.appendAudit(audit.actorsMerged(source, target, { interactionIds: moved, affiliatedActorIds: affiliated }, author));
      this.statements.bumpRevision.run();
      return merged;
    });
    return this.run(() => write());
  }

  async deleteActor(id: string, author: Author): Promise<Actor> {
    const write = this.db.transaction((): Actor => {
      const actor = this.knownActor(id, 'id');
      checks.requireUnreferencedActor(id, {
        interactions: this.statements.countActorInteractions.get(actor.id)!,
        affiliated: this.statements.countAffiliated.get(actor.id)!,
      });
      this.statements.deleteAliasesOf.run(actor.id);
      this.statements.deleteActor.run(actor.id);
      this.appendAudit(audit.actorDeleted(actor, author));
      this.statements.bumpRevision.run();
      return actor;
    });
    return this.run(() => write());
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

  async listAuditLog(filter: AuditFilter, page: PageRequest<AuditCursor>): Promise<Page<AuditEntry>> {
    return this.page<AuditRow, AuditEntry>(auditPage, auditWhere(filter, page.after), page.first, toAuditEntry);
  }

  async createToken(token: StoredToken, author: Author): Promise<StoredToken> {
    const write = this.db.transaction(() => {
      checks.requireFreeTokenName(token.name, this.statements.activeTokenNamed.get(token.name) !== undefined);
      this.statements.insertToken.run(...tokenParams(token));
      this.appendAudit(audit.tokenCreated(token, author));
    });
    this.run(() => write());
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
    return this.run(() => write());
  }

  async touchToken(identifier: string, at: Date): Promise<void> {
    this.run(() => this.statements.touchToken.run(at.getTime(), identifier));
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

  private knownActor(id: string, field: string): Actor {
    return checks.requireActor(this.actorsByIds([id])[0], id, field);
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

  /** Rebuilds one interaction's interaction_actors entries after its actors changed. */
  private reindexInteraction(seq: number): void {
    this.statements.unindexInteraction.run(seq);
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

  /** Runs a database call, turning SQLite's own failures into StoreUnavailableError (sqlite-errors.ts). */
  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error);
    }
  }
}
