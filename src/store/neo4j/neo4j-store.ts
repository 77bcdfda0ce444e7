import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { chunks } from '../../domain/chunks';
import { systemAuthor, type Author, type StoredToken } from '../../domain/access';
import { sameActor, type Actor } from '../../domain/actor';
import {
  DEFAULT_AUDIT_ORDER,
  type AuditCursor,
  type AuditEntry,
  type AuditFilter,
  type AuditOrder,
  type AuditRecord,
  type RecordStamp,
} from '../../domain/audit';
import { StoreUnavailableError } from '../../domain/errors';
import { foldName } from '../../domain/actor-names';
import { actorsOf, type Interaction } from '../../domain/interaction';
import { toPage, type ActorCursor, type InteractionCursor, type Page, type PageRequest } from '../../domain/page';
import type { Scope } from '../../domain/scope';
import type { TimeWindow } from '../../domain/time-window';
import * as audit from '../audit-entries';
import {
  actorsToWrite,
  checkMerge,
  idsNamedByActors,
  mergedTarget,
  moveOrDropInteraction,
  NOT_WRITTEN,
  batchPath,
  patchPath,
  resolveAndRequireActors,
  type InteractionPath,
} from '../merge-rules';
import * as checks from '../reference-checks';
import type { ActorFilter, InteractionFilter, InteractionSink, RecordedInteraction, Store } from '../store';
import { auditFromRow, auditToRow, auditToUnnumberedRow, stampFromRow, tokenFromRow } from './audit-conversions';
import {
  actorFromRow,
  actorToRow,
  interactionFromRow,
  interactionToRow,
  toNeo4jDateTime,
  toNeo4jInteger,
  toSafeNumber,
  UNBOUNDED_FUTURE,
  UNBOUNDED_PAST,
  type RowLike,
} from './conversions';
import { readStatement } from './cypher-files';
import { redactUri, translateNeo4jError, translateStartupError, type Neo4jTarget } from './driver-errors';
import { interactionBatchToRows } from './interaction-batch-rows';
import { applyMigrations } from './migrations';
import { requireSupportedServer } from './server-version';
import type { StatementName, StatementParameters } from './statements';
import { FreshReads } from './fresh-reads';
import { Neo4jSurveyStore } from './surveys';
import { appendColumnRecord, type ColumnRecord } from './window-columns';

/**
 * The Neo4j store: the port over neo4j-driver 6, with the same behaviour as the SQLite one
 * (test/store/store-contract.ts). Graph model: src/store/neo4j/graph-model.ts.
 *
 * - Every statement is a file in cypher/, run by name with parameters (statements.ts).
 * - Each write call is one managed transaction (`executeWrite`: retried on transient errors),
 *   sending its rows in UNWIND chunks; reference checks run inside it and throw to roll back.
 * - Reads page by keyset (actors by id; interactions by (occurredAt, id)); windows and actor
 *   exports stream with the driver's async iteration, which pulls records in batches.
 * - `revision()` reads a (:CopnetMeta) counter that every data-changing write bumps.
 * - Driver failures pass through translateNeo4jError (driver-errors.ts) and nowhere else.
 */

export interface Neo4jStoreOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** Rows per UNWIND statement (Neo4j's guidance for bulk writes: 1,000–10,000); a batch of any size is still one transaction. */
const WRITE_CHUNK = 10_000;
/** Ids per lookup statement. */
const LOOKUP_CHUNK = 5000;
/** Records the driver pulls per round trip when streaming a window (its default is 1,000). */
const STREAM_FETCH_SIZE = 10_000;
/** How long the driver retries a transaction, and waits for a connection. */
const RETRY_MS = 5000;
/** A write that lost a race on a unique key (two processes creating one externalId) runs again this many times in all. */
const KEY_RACE_ATTEMPTS = 3;
/** The code of a uniqueness constraint's refusal. */
const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';
/** The largest |epoch ms| a JS Date holds. */
const MAX_DATE_MS = 8.64e15;

/**
 * Connects, checks the server (reachable, credentials accepted, Neo4j 5 or newer) and applies
 * the migrations the database has not recorded yet (migrations.ts). Fails with a StoreUnavailableError that
 * names NEO4J_URI and never contains the password.
 */
export async function openNeo4jStore(options: Neo4jStoreOptions): Promise<Store> {
  const target: Neo4jTarget = { uri: options.uri, user: options.user, database: options.database };
  let driver: Driver;
  try {
    driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      userAgent: 'copnet',
      // Retry transient failures (deadlocks, a restarting server) for 5 s, not the driver's 30 s: a request
      // to a Neo4j that is down answers STORE_UNAVAILABLE promptly instead of hanging.
      maxTransactionRetryTime: RETRY_MS,
      connectionTimeout: RETRY_MS,
      connectionAcquisitionTimeout: 2 * RETRY_MS,
    });
  } catch (error) {
    throw new StoreUnavailableError(`Invalid NEO4J_URI=${redactUri(options.uri)}: ${(error as Error).message}`, { cause: error });
  }
  try {
    // getServerInfo verifies connectivity (and the credentials) before anything else runs.
    const server = await driver.getServerInfo({ database: options.database });
    requireSupportedServer(server.agent, options.uri);
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await applyMigrations(session);
    } finally {
      await closeQuietly(session);
    }
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw translateStartupError(error, target);
  }
  return new Neo4jStore(driver, target);
}

class Neo4jStore implements Store {
  readonly kind = 'neo4j' as const;
  /** Chains this store's sessions causally: a read sees this store's earlier writes, on a cluster too. */
  private readonly bookmarks = neo4j.bookmarkManager();
  private closed = false;
  readonly surveys: Neo4jSurveyStore;

  constructor(
    private readonly driver: Driver,
    private readonly target: Neo4jTarget,
  ) {
    this.surveys = new Neo4jSurveyStore({ write: (work) => this.write(work), read: (work) => this.read(work), appendAudit });
  }

  async upsertActors(given: readonly Actor[], author: Author = systemAuthor()): Promise<Actor[]> {
    if (given.length === 0) return [];
    return this.write(async (tx) => {
      const aliases = await aliasesOf(tx, idsNamedByActors(given));
      // Rows under a merged actor's id are not written (null): they name the actor it was merged into.
      const batch = actorsToWrite(given, aliases);
      const actors = batch.filter((actor): actor is Actor => actor !== null);
      const inBatch = new Set(actors.map((actor) => actor.id));
      const outside = unique(
        actors.flatMap((actor) => (actor.affiliationId !== null && !inBatch.has(actor.affiliationId) ? [actor.affiliationId] : [])),
      );
      const known = await existingActorIds(tx, outside);
      checks.requireKnownAffiliations(
        batch.map((actor) => actor ?? NOT_WRITTEN),
        given,
        (id) => inBatch.has(id) || known.has(id),
      );
      // An id given twice: the last one wins, as with successive upserts. Unchanged actors are not written.
      const latest = [...new Map(actors.map((actor) => [actor.id, actor])).values()];
      const before = await actorsByIds(
        tx,
        latest.map((actor) => actor.id),
      );
      const changed = latest.filter((actor, i) => !sameActor(actor, before[i] ?? null));
      const stamp = { by: author.by, at: toNeo4jDateTime(author.at) };
      for (const chunk of chunks(changed, WRITE_CHUNK)) {
        await run(tx, 'upsert-actors', { actors: chunk.map(actorToRow), ...stamp });
      }
      for (const chunk of chunks(changed, WRITE_CHUNK)) {
        await run(tx, 'set-affiliations', { actors: chunk.map((actor) => ({ id: actor.id, affiliationId: actor.affiliationId })) });
      }
      await appendAudit(
        tx,
        latest.flatMap((actor, i) => {
          const previous = before[i] ?? null;
          return sameActor(actor, previous) ? [] : [audit.actorWritten(actor, previous, author)];
        }),
      );
      await run(tx, 'bump-revision', {});
      const ids = given.map((actor) => aliases.get(actor.id) ?? actor.id);
      const stored = await actorsByIds(tx, ids);
      return stored.map((actor, i) => {
        if (actor === null) throw new Error(`actors[${i}] (${ids[i]}) was not found right after being written`);
        return actor;
      });
    });
  }

  async findActorsByNames(names: readonly string[]): Promise<Actor[]> {
    if (names.length === 0) return [];
    const { records } = await this.read((tx) => run(tx, 'find-actors-by-names', { names: unique(names.map(foldName)) }));
    return records.map(actorFromRow);
  }

  async recordInteractions(
    given: readonly Interaction[],
    author: Author = systemAuthor(),
    source: string | null = null,
  ): Promise<RecordedInteraction[]> {
    if (given.length === 0) return [];
    return this.retryingKeyRace(() => this.recordInteractionsOnce(given, author, source));
  }

  private recordInteractionsOnce(given: readonly Interaction[], author: Author, source: string | null): Promise<RecordedInteraction[]> {
    return this.write(async (tx) => {
      const interactions = await requireActorsOf(tx, given);
      const results: RecordedInteraction[] = [];
      const fresh: Interaction[] = [];
      // Already stored (by externalId first, then by id), or earlier in this batch: not written again. One look-up for both keys.
      const externalIds = unique(interactions.flatMap((interaction) => (interaction.externalId === null ? [] : [interaction.externalId])));
      const storedByExternalId = new Map<string, Interaction>();
      const storedById = new Map<string, Interaction>();
      for (const { interaction: found } of await interactionsByKeys(tx, unique(interactions.map((i) => i.id)), externalIds)) {
        storedById.set(found.id, found);
        if (found.externalId !== null) storedByExternalId.set(found.externalId, found);
      }
      for (const interaction of interactions) {
        const existing =
          (interaction.externalId !== null ? storedByExternalId.get(interaction.externalId) : undefined) ?? storedById.get(interaction.id);
        if (existing) {
          results.push({ interaction: existing, created: false });
          continue;
        }
        fresh.push(interaction);
        storedById.set(interaction.id, interaction);
        if (interaction.externalId !== null) storedByExternalId.set(interaction.externalId, interaction);
        results.push({ interaction, created: true });
      }

      if (fresh.length === 0) return results;
      // The batch's audit entry and the revision bump go first, in one statement: each interaction names the entry (auditSeq).
      const entry = audit.interactionsRecorded(
        fresh.map((interaction) => interaction.id),
        source,
        author,
      );
      const { records } = await run(tx, 'open-interaction-batch', { entry: auditToUnnumberedRow(entry) });
      const auditSeq = toNeo4jInteger(toSafeNumber(records[0]?.get('seq'), 'audit seq'));
      const stamp = { by: author.by, at: toNeo4jDateTime(author.at), auditSeq };
      for (const chunk of chunks(fresh, WRITE_CHUNK)) {
        const { summary } = await run(tx, 'record-interactions', { ...interactionBatchToRows(chunk), ...stamp });
        const counts = summary.counters.updates();
        const relationships = chunk.reduce((sum, interaction) => sum + 1 + interaction.participantIds.length, 0);
        if (counts.nodesCreated !== chunk.length || counts.relationshipsCreated !== relationships) {
          throw new Error(
            `record-interactions created ${counts.nodesCreated} nodes and ${counts.relationshipsCreated} relationships ` +
              `for ${chunk.length} interactions needing ${relationships}: an actor disappeared during the write`,
          );
        }
      }
      return results;
    });
  }

  async getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    if (ids.length === 0) return [];
    // The usual batch (a DataLoader's: every id stored, none merged away) in one round trip.
    const wanted = unique(ids);
    if (wanted.length <= LOOKUP_CHUNK) {
      const { records } = await this.readOne('find-actors-by-ids', { ids: wanted });
      const byId = new Map(records.map((record) => [String(record.get('id')), actorFromRow(record)]));
      if (byId.size === wanted.length) return ids.map((id) => byId.get(id) ?? null);
    }
    return this.read(async (tx) => {
      const found = await actorsByIds(tx, ids);
      const missing = unique(ids.filter((_id, i) => found[i] === null));
      if (missing.length === 0) return found;
      // Ids of merged actors: the actor each was merged into.
      const aliases = await aliasesOf(tx, missing);
      if (aliases.size === 0) return found;
      const targets = new Map(
        (await actorsByIds(tx, unique([...aliases.values()]))).flatMap((actor) => (actor ? [[actor.id, actor] as const] : [])),
      );
      return ids.map((id, i) => found[i] ?? targets.get(aliases.get(id) ?? '') ?? null);
    });
  }

  async getInteractionsByIds(ids: readonly string[]): Promise<(Interaction | null)[]> {
    if (ids.length === 0) return [];
    const wanted = unique(ids);
    const found =
      wanted.length <= LOOKUP_CHUNK
        ? (await this.readOne('find-interactions-by-ids', { ids: wanted })).records.map(storedInteractionFromRow)
        : await this.read((tx) => lookUpInteractions(tx, wanted));
    const byId = new Map(found.flatMap(({ interaction, deleted }) => (deleted ? [] : [[interaction.id, interaction] as const])));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listActors(filter: ActorFilter, page: PageRequest<ActorCursor>): Promise<Page<Actor>> {
    const { records } = await this.read((tx) =>
      run(tx, 'list-actors', { ...actorConditions(filter), afterId: page.after?.id ?? '', limit: toNeo4jInteger(page.first + 1) }),
    );
    return toPage(records.map(actorFromRow), page.first);
  }

  async countActors(filter: ActorFilter): Promise<number> {
    const { records } = await this.read((tx) => run(tx, 'count-actors', actorConditions(filter)));
    return countOf(records);
  }

  async listInteractions(filter: InteractionFilter, page: PageRequest<InteractionCursor>): Promise<Page<Interaction>> {
    let after = page.after;
    // A cursor beyond every storable instant: nothing follows it. Before every instant: everything does.
    if (after && after.occurredAt > MAX_DATE_MS) return { items: [], hasNextPage: false };
    if (after && after.occurredAt < -MAX_DATE_MS) after = null;
    const from = Math.max(filter.from ? filter.from.getTime() : -Infinity, after ? after.occurredAt : -Infinity);
    const conditions = {
      ...interactionConditions({ ...filter, from: Number.isFinite(from) ? new Date(from) : null }),
      afterOccurredAt: after ? toNeo4jDateTime(after.occurredAt) : null,
      afterId: after ? after.id : null,
      limit: toNeo4jInteger(page.first + 1),
    };
    const actorId = filter.actorId || null;
    const { records } =
      actorId === null
        ? await this.readOne('list-interactions', conditions)
        : await this.readOne('list-actor-interactions', { ...conditions, actorId });
    return toPage(records.map(interactionFromRow), page.first);
  }

  async countInteractions(filter: InteractionFilter): Promise<number> {
    const conditions = interactionConditions(filter);
    const actorId = filter.actorId || null;
    const { records } = await this.read((tx) =>
      actorId === null ? run(tx, 'count-interactions', conditions) : run(tx, 'count-actor-interactions', { ...conditions, actorId }),
    );
    return countOf(records);
  }

  async countWindow(window: TimeWindow, scope: Scope = {}): Promise<number> {
    // One round trip (auto-commit): a series counts its span before every cold read.
    const { records } = await this.readOne('count-window', windowParameters(window, scope));
    return countOf(records);
  }

  streamWindow(window: TimeWindow, scope: Scope = {}): AsyncIterable<Interaction> {
    return this.stream('stream-window', windowParameters(window, scope), interactionFromRow);
  }

  /**
   * streamWindow's interactions as columns (read-window-columns.cypher: no externalId or note, the
   * instant as epoch ms), each record appended to `sink` as the driver decodes it: no Interaction,
   * Date or promise per row. The event loop turns between the socket's chunks.
   */
  async readWindowInto(window: TimeWindow, scope: Scope, sink: InteractionSink): Promise<void> {
    await this.forEachRecord('read-window-columns', windowParameters(window, scope), (record) => appendColumnRecord(record, sink));
  }

  streamActors(): AsyncIterable<Actor> {
    return this.stream('stream-actors', {}, actorFromRow);
  }

  /** Every request reads the revision (and its token): concurrent requests share those reads, each still fresh (fresh-reads.ts). */
  private readonly revisions = new FreshReads<null, number>(async () => {
    const { records } = await this.readOne('read-revision', {});
    return toSafeNumber(records[0]?.get('revision'), 'store revision');
  });
  private readonly tokens = new FreshReads<string, StoredToken | null>(async (identifier) => {
    const { records } = await this.readOne('find-token', { identifier });
    return records[0] ? tokenFromRow(records[0]) : null;
  });

  revision(): Promise<number> {
    return this.revisions.get(null);
  }

  async resolveActorIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const aliases = await this.read((tx) => aliasesOf(tx, unique(ids)));
    return ids.map((id) => aliases.get(id) ?? id);
  }

  async updateInteraction(interaction: Interaction, author: Author): Promise<Interaction> {
    return this.write(async (tx) => {
      const before = await liveInteraction(tx, interaction.id, 'id');
      const [updated] = await requireActorsOf(tx, [interaction], patchPath);
      await rewriteInteractions(tx, [updated!], author);
      await appendAudit(tx, [audit.interactionUpdated(before, updated!, author)]);
      await run(tx, 'bump-revision', {});
      return updated!;
    });
  }

  async deleteInteractions(ids: readonly string[], reason: string, author: Author): Promise<Interaction[]> {
    if (ids.length === 0) return [];
    return this.write(async (tx) => {
      const deleted = await checkedInteractions(tx, ids, checks.requireLiveInteraction);
      await run(tx, 'mark-interactions-deleted', { ids: [...ids], reason, by: author.by, at: toNeo4jDateTime(author.at) });
      await appendAudit(
        tx,
        deleted.map((interaction) => audit.interactionDeleted(interaction, reason, author)),
      );
      await run(tx, 'bump-revision', {});
      return deleted;
    });
  }

  async restoreInteractions(ids: readonly string[], author: Author): Promise<Interaction[]> {
    if (ids.length === 0) return [];
    return this.write(async (tx) => {
      const restored = await checkedInteractions(tx, ids, checks.requireDeletedInteraction);
      await run(tx, 'unmark-interactions-deleted', { ids: [...ids], by: author.by, at: toNeo4jDateTime(author.at) });
      await appendAudit(
        tx,
        restored.map((interaction) => audit.interactionRestored(interaction, author)),
      );
      await run(tx, 'bump-revision', {});
      return restored;
    });
  }

  async mergeActors(sourceId: string, targetId: string, options: { readonly allowKindChange: boolean }, author: Author): Promise<Actor> {
    return this.write(async (tx) => {
      const [foundSource, foundTarget] = await actorsByIds(tx, [sourceId, targetId]);
      const source = await knownActor(tx, foundSource, sourceId, 'sourceId');
      const target = await knownActor(tx, foundTarget, targetId, 'targetId');
      checkMerge(source, target, options.allowKindChange);
      const { records } = await run(tx, 'find-actor-interactions', { actorId: source.id });
      const moved: Interaction[] = [];
      const dropped: string[] = [];
      for (const record of records) {
        const interaction = interactionFromRow(record);
        const movedInteraction = moveOrDropInteraction(interaction, record.get('deleted') === true, source.id, target.id);
        if (movedInteraction === null) dropped.push(interaction.id);
        else moved.push(movedInteraction);
      }
      if (dropped.length > 0) await run(tx, 'drop-interactions', { ids: dropped });
      await rewriteInteractions(tx, moved, author);
      const stamp = { by: author.by, at: toNeo4jDateTime(author.at) };
      const affiliated = (await run(tx, 'move-affiliations', { sourceId: source.id, targetId: target.id, ...stamp })).records.map((r) =>
        String(r.get('id')),
      );
      await run(tx, 'stamp-actors', { ids: [target.id], ...stamp });
      await run(tx, 'alias-actor', { sourceId: source.id, targetId: target.id });
      await run(tx, 'delete-actor', { id: source.id });
      await this.surveys.moveActorInTransaction(tx, source.id, target.id);
      const merged = mergedTarget(source, target);
      await appendAudit(tx, [
        audit.actorsMerged(
          source,
          target,
          { interactionIds: moved.map((i) => i.id), affiliatedActorIds: affiliated, droppedInteractionIds: dropped },
          author,
        ),
      ]);
      await run(tx, 'bump-revision', {});
      return merged;
    });
  }

  async deleteActor(id: string, author: Author): Promise<Actor> {
    return this.write(async (tx) => {
      const actor = await knownActor(tx, (await actorsByIds(tx, [id]))[0], id, 'id');
      const { records } = await run(tx, 'count-actor-references', { id });
      checks.requireUnreferencedActor(id, {
        interactions: toSafeNumber(records[0]?.get('interactions'), 'interactions'),
        affiliated: toSafeNumber(records[0]?.get('affiliated'), 'affiliated'),
      });
      await this.surveys.requireOffRostersInTransaction(tx, id);
      // What is left is deleted interactions: they go with the actor.
      const dropped = (await run(tx, 'find-actor-interactions', { actorId: actor.id })).records.map((record) => String(record.get('id')));
      if (dropped.length > 0) await run(tx, 'drop-interactions', { ids: dropped });
      await run(tx, 'delete-actor-aliases', { id });
      await run(tx, 'delete-actor', { id });
      await appendAudit(tx, [audit.actorDeleted(actor, author, dropped)]);
      await run(tx, 'bump-revision', {});
      return actor;
    });
  }

  async getActorStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.stamps('find-actor-stamps', ids);
  }

  async getInteractionStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    return this.stamps('find-interaction-stamps', ids);
  }

  private async stamps(name: 'find-actor-stamps' | 'find-interaction-stamps', ids: readonly string[]): Promise<(RecordStamp | null)[]> {
    if (ids.length === 0) return [];
    const { records } = await this.read((tx) =>
      name === 'find-actor-stamps'
        ? run(tx, 'find-actor-stamps', { ids: unique(ids) })
        : run(tx, 'find-interaction-stamps', { ids: unique(ids) }),
    );
    const byId = new Map(records.map((record) => [String(record.get('id')), stampFromRow(record)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listAuditLog(
    filter: AuditFilter,
    page: PageRequest<AuditCursor>,
    order: AuditOrder = DEFAULT_AUDIT_ORDER,
  ): Promise<Page<AuditEntry>> {
    const conditions = {
      actorId: filter.actorId || null,
      interactionId: filter.interactionId || null,
      by: filter.by || null,
      fromInclusive: filter.from ? toNeo4jDateTime(filter.from) : null,
      toExclusive: filter.to ? toNeo4jDateTime(filter.to) : null,
      limit: toNeo4jInteger(page.first + 1),
    };
    const cursor = page.after ? toNeo4jInteger(page.after.seq) : null;
    const { records } = await this.read((tx) =>
      order === 'NEWEST_FIRST'
        ? run(tx, 'list-audit-log-newest-first', { ...conditions, beforeSeq: cursor })
        : run(tx, 'list-audit-log', { ...conditions, afterSeq: cursor }),
    );
    return toPage(records.map(auditFromRow), page.first);
  }

  async createToken(token: StoredToken, author: Author): Promise<StoredToken> {
    await this.write(async (tx) => {
      const { records } = await run(tx, 'find-active-token', { name: token.name });
      checks.requireFreeTokenName(token.name, records.length > 0);
      await run(tx, 'create-token', {
        identifier: token.identifier,
        name: token.name,
        role: token.role,
        secretHash: token.secretHash,
        createdAt: toNeo4jDateTime(token.createdAt),
        createdBy: token.createdBy,
        expiresAt: token.expiresAt ? toNeo4jDateTime(token.expiresAt) : null,
        surveyId: token.surveyId,
        actorId: token.actorId,
      });
      await appendAudit(tx, [audit.tokenCreated(token, author)]);
    });
    return token;
  }

  findToken(identifier: string): Promise<StoredToken | null> {
    return this.tokens.get(identifier);
  }

  async listTokens(): Promise<StoredToken[]> {
    const { records } = await this.read((tx) => run(tx, 'list-tokens', {}));
    return records.map(tokenFromRow);
  }

  async revokeToken(name: string, author: Author): Promise<StoredToken> {
    return this.write(async (tx) => {
      const { records } = await run(tx, 'find-active-token', { name });
      const token = tokenFromRow(checks.requireActiveToken(records[0], name));
      await run(tx, 'revoke-token', { identifier: token.identifier, at: toNeo4jDateTime(author.at) });
      const revoked = { ...token, revokedAt: author.at };
      await appendAudit(tx, [audit.tokenRevoked(token, revoked, author)]);
      return revoked;
    });
  }

  async touchToken(identifier: string, at: Date): Promise<void> {
    await this.write((tx) => run(tx, 'touch-token', { identifier, at: toNeo4jDateTime(at) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.driver.close();
  }

  private session(mode: 'READ' | 'WRITE', fetchSize?: number): Session {
    // A closed driver fails with a code-less "Pool is closed"; say what it means instead.
    if (this.closed) throw new StoreUnavailableError(`The store for Neo4j at NEO4J_URI=${redactUri(this.target.uri)} is closed`);
    return this.driver.session({
      database: this.target.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      ...(fetchSize === undefined ? {} : { fetchSize }),
    });
  }

  /**
   * Runs a write again when it lost a race on a unique key: two transactions (two processes)
   * that both found an externalId unstored both create it, and the one that commits second
   * fails the uniqueness constraint. Run again, it finds the first one's record, as a write
   * after it would have.
   */
  private async retryingKeyRace<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= KEY_RACE_ATTEMPTS || !(error instanceof Neo4jError) || error.code !== CONSTRAINT_FAILED) throw error;
      }
    }
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }

  /**
   * One read statement as an auto-commit transaction: one round trip (RUN and PULL sent together),
   * where a managed transaction takes two (its COMMIT waits for the records). The hot reads of every
   * request go this way: the token, the revision, a page, a DataLoader batch. Transient failures
   * (a restarting server, a stale pooled connection) run it again for up to RETRY_MS, as the
   * driver's own retries of managed transactions do; the bookmark manager still orders it after
   * this store's writes.
   */
  private async readOne<N extends StatementName>(name: N, parameters: StatementParameters<N>) {
    const started = Date.now();
    for (let pause = 100; ; pause = Math.min(2 * pause, 1000)) {
      const session = this.session('READ');
      try {
        return await run(session, name, parameters);
      } catch (error) {
        if (!(error instanceof Neo4jError) || !error.retryable || Date.now() - started + pause > RETRY_MS) {
          throw translateNeo4jError(error, this.target);
        }
      } finally {
        await closeQuietly(session);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** One managed transaction in its own session (retried by the driver on transient errors). */
  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session(mode);
    try {
      return await (mode === 'READ' ? session.executeRead(work) : session.executeWrite(work));
    } catch (error) {
      throw translateNeo4jError(error, this.target);
    } finally {
      await closeQuietly(session);
    }
  }

  /**
   * Streams a statement's rows with the driver's async iteration: records are pulled from the
   * server in batches as the consumer asks for them, and stopping early cancels the rest.
   */
  private async *stream<N extends StatementName, T>(
    name: N,
    parameters: StatementParameters<N>,
    convert: (row: RowLike) => T,
  ): AsyncGenerator<T> {
    const session = this.session('READ', STREAM_FETCH_SIZE);
    try {
      for await (const record of run(session, name, parameters)) yield convert(record);
    } catch (error) {
      throw translateNeo4jError(error, this.target);
    } finally {
      await closeQuietly(session);
    }
  }

  /**
   * Runs a read statement and hands each record to `onRecord` as the driver decodes it (its
   * subscribe API: no promise per record, which async iteration costs), pulling STREAM_FETCH_SIZE
   * records per round trip. An error thrown by `onRecord` stops the read (closing the session
   * discards the rest) and is the one thrown.
   */
  private async forEachRecord<N extends StatementName>(
    name: N,
    parameters: StatementParameters<N>,
    onRecord: (record: ColumnRecord) => void,
  ): Promise<void> {
    const session = this.session('READ', STREAM_FETCH_SIZE);
    const failure: { error?: unknown } = {}; // the first error, if any
    try {
      await new Promise<void>((resolve) => {
        run(session, name, parameters).subscribe({
          onNext: (record) => {
            if ('error' in failure) return;
            try {
              onRecord(record);
            } catch (error) {
              failure.error = error;
              resolve();
            }
          },
          onCompleted: () => resolve(),
          onError: (error) => {
            if (!('error' in failure)) failure.error = translateNeo4jError(error, this.target);
            resolve();
          },
        });
      });
    } finally {
      await closeQuietly(session);
    }
    if ('error' in failure) throw failure.error;
  }
}

/** A window and scope as the parameters of stream-window, read-window-columns and count-window. */
function windowParameters(window: TimeWindow, scope: Scope) {
  return {
    fromInclusive: toNeo4jDateTime(window.from),
    toExclusive: toNeo4jDateTime(window.to),
    interactionKinds: nonEmpty(scope.interactionKinds),
    actorKinds: nonEmpty(scope.actorKinds),
  };
}

/** Runs a statement from cypher/ by name; the compiler checks the parameters against statements.ts. */
function run<N extends StatementName>(runner: ManagedTransaction | Session, name: N, parameters: StatementParameters<N>) {
  return runner.run(readStatement(name), parameters);
}

/** The batch with aliases of merged actors resolved; throws for the first actor (in batch order) that is neither stored nor an alias. */
async function requireActorsOf(
  tx: ManagedTransaction,
  given: readonly Interaction[],
  pathOf: InteractionPath = batchPath,
): Promise<readonly Interaction[]> {
  const named = unique(given.flatMap(actorsOf));
  const known = await existingActorIds(tx, named);
  if (known.size === named.length) return given;
  return resolveAndRequireActors(
    given,
    known,
    await aliasesOf(
      tx,
      named.filter((id) => !known.has(id)),
    ),
    pathOf,
  );
}

/** The actor found for `id`, or InvalidInputError naming `field` (saying so when `id` is a merged actor's old id). */
async function knownActor(tx: ManagedTransaction, found: Actor | null | undefined, id: string, field: string): Promise<Actor> {
  return checks.requireActor(found, id, field, found ? undefined : (await aliasesOf(tx, [id])).get(id));
}

/** Alias id → the actor it names now, for those of `ids` that are aliases. */
async function aliasesOf(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of chunks(ids, LOOKUP_CHUNK)) {
    const { records } = await run(tx, 'find-actor-aliases', { ids: chunk });
    for (const record of records) found.set(String(record.get('id')), String(record.get('targetId')));
  }
  return found;
}

/** Appends audit entries, numbered after the last one, inside the caller's transaction. */
async function appendAudit(tx: ManagedTransaction, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const first = await allocateAuditSeqs(tx, records.length);
  const numbered = records.map((record, i) => auditToRow(record, first + i));
  for (const chunk of chunks(numbered, WRITE_CHUNK)) {
    await run(tx, 'append-audit-entries', { entries: chunk });
  }
}

/** Reserves `count` audit-log positions; returns the first. */
async function allocateAuditSeqs(tx: ManagedTransaction, count: number): Promise<number> {
  const { records } = await run(tx, 'allocate-audit-seqs', { count: toNeo4jInteger(count) });
  return toSafeNumber(records[0]?.get('lastSeq'), 'audit lastSeq') - count + 1;
}

async function interactionsByIdsWithState(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, StoredInteraction>> {
  const found = await lookUpInteractions(tx, unique(ids));
  return new Map(found.map((stored) => [stored.interaction.id, stored]));
}

/** A live interaction, or InvalidInputError naming `field`. */
async function liveInteraction(tx: ManagedTransaction, id: string, field: string): Promise<Interaction> {
  const stored = (await interactionsByIdsWithState(tx, [id])).get(id);
  checks.requireLiveInteraction(stored, id, field);
  return stored!.interaction;
}

/** The interactions of `ids`, each checked by `require` (reference-checks.ts) for the argument `ids[i]`. */
async function checkedInteractions(
  tx: ManagedTransaction,
  ids: readonly string[],
  require: typeof checks.requireLiveInteraction,
): Promise<Interaction[]> {
  const found = await interactionsByIdsWithState(tx, ids);
  return ids.map((id, i) => {
    const stored = found.get(id);
    require(stored, id, `ids[${i}]`);
    return stored!.interaction;
  });
}

/** Writes corrected interactions (fields, then their actors) and stamps them as updated. */
async function rewriteInteractions(tx: ManagedTransaction, interactions: readonly Interaction[], author: Author): Promise<void> {
  const stamp = { by: author.by, at: toNeo4jDateTime(author.at) };
  for (const chunk of chunks(interactions, WRITE_CHUNK)) {
    await run(tx, 'set-interaction-fields', { interactions: chunk.map(interactionToRow), ...stamp });
    await run(tx, 'detach-interaction-actors', { ids: chunk.map((i) => i.id) });
    await run(tx, 'attach-interaction-actors', {
      interactions: chunk.map((i) => ({ id: i.id, initiatorId: i.initiatorId, participantIds: [...i.participantIds] })),
    });
  }
}

async function existingActorIds(tx: ManagedTransaction, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(ids, LOOKUP_CHUNK)) {
    const { records } = await run(tx, 'find-existing-actor-ids', { ids: chunk });
    for (const record of records) found.add(String(record.get('id')));
  }
  return found;
}

async function actorsByIds(tx: ManagedTransaction, ids: readonly string[]): Promise<(Actor | null)[]> {
  const byId = new Map<string, Actor>();
  for (const chunk of chunks(unique(ids), LOOKUP_CHUNK)) {
    const { records } = await run(tx, 'find-actors-by-ids', { ids: chunk });
    for (const record of records) {
      const actor = actorFromRow(record);
      byId.set(actor.id, actor);
    }
  }
  return ids.map((id) => byId.get(id) ?? null);
}

/** An interaction as stored, with whether it is soft-deleted. */
interface StoredInteraction {
  readonly interaction: Interaction;
  readonly deleted: boolean;
}

function storedInteractionFromRow(record: RowLike): StoredInteraction {
  return { interaction: interactionFromRow(record), deleted: record.get('deleted') === true };
}

async function lookUpInteractions(tx: ManagedTransaction, ids: readonly string[]): Promise<StoredInteraction[]> {
  const found: StoredInteraction[] = [];
  for (const chunk of chunks(ids, LOOKUP_CHUNK)) {
    const { records } = await run(tx, 'find-interactions-by-ids', { ids: chunk });
    for (const record of records) found.push(storedInteractionFromRow(record));
  }
  return found;
}

/** The stored interactions having one of `ids` or one of `externalIds`, in chunks of LOOKUP_CHUNK keys. */
async function interactionsByKeys(
  tx: ManagedTransaction,
  ids: readonly string[],
  externalIds: readonly string[],
): Promise<StoredInteraction[]> {
  const found = new Map<string, StoredInteraction>();
  const rounds = Math.max(Math.ceil(ids.length / LOOKUP_CHUNK), Math.ceil(externalIds.length / LOOKUP_CHUNK));
  for (let r = 0; r < rounds; r++) {
    const { records } = await run(tx, 'find-interactions-by-keys', {
      ids: ids.slice(r * LOOKUP_CHUNK, (r + 1) * LOOKUP_CHUNK),
      externalIds: externalIds.slice(r * LOOKUP_CHUNK, (r + 1) * LOOKUP_CHUNK),
    });
    for (const record of records) {
      const interaction = interactionFromRow(record);
      found.set(interaction.id, { interaction, deleted: record.get('deleted') === true });
    }
  }
  return [...found.values()];
}

/** The filter as list-actors / count-actors parameters; empty values mean no condition, as in the SQLite store. */
function actorConditions(filter: ActorFilter) {
  return {
    kinds: nonEmpty(filter.kinds),
    region: filter.region || null,
    tag: filter.tag || null,
    search: filter.search || null,
  };
}

/** Time range and kinds as parameters; an absent bound becomes one beyond every storable instant. */
function interactionConditions(filter: InteractionFilter) {
  return {
    fromInclusive: filter.from ? toNeo4jDateTime(filter.from) : UNBOUNDED_PAST,
    toExclusive: filter.to ? toNeo4jDateTime(filter.to) : UNBOUNDED_FUTURE,
    kinds: nonEmpty(filter.kinds),
  };
}

function nonEmpty<T>(values: readonly T[] | null | undefined): T[] | null {
  return values && values.length > 0 ? [...values] : null;
}

function countOf(records: readonly RowLike[]): number {
  return toSafeNumber(records[0]?.get('count'), 'count');
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

async function closeQuietly(session: Session): Promise<void> {
  try {
    await session.close();
  } catch {
    // A session on a lost connection may fail to close; the driver discards the connection anyway.
  }
}
