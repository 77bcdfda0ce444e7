import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { Actor } from '../../domain/actor';
import { InvalidInputError, StoreUnavailableError } from '../../domain/errors';
import { actorsOf, type Interaction } from '../../domain/interaction';
import type { ActorCursor, InteractionCursor, Page, PageRequest } from '../../domain/page';
import type { Scope, TimeWindow } from '../../domain/time-window';
import type { ActorFilter, InteractionFilter, RecordedInteraction, Store } from '../store';
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
import { readMigrations, readStatement } from './cypher-files';
import { redactUri, translateNeo4jError, translateStartupError, type Neo4jTarget } from './driver-errors';
import { requireSupportedServer } from './server-version';
import type { StatementName, StatementParameters } from './statements';

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

/** Rows per UNWIND statement; a batch of any size is still one transaction. */
const WRITE_CHUNK = 2000;
/** Ids per lookup statement. */
const LOOKUP_CHUNK = 5000;
/** How long the driver retries a transaction, and waits for a connection. */
const RETRY_MS = 5000;
/** The largest |epoch ms| a JS Date holds. */
const MAX_DATE_MS = 8.64e15;

/**
 * Connects, checks the server (reachable, credentials accepted, Neo4j 5 or newer) and applies
 * the migrations in cypher/migrations (idempotent). Fails with a StoreUnavailableError that
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
      for (const migration of readMigrations()) {
        await session.executeWrite((tx) => tx.run(migration.text));
      }
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

  constructor(
    private readonly driver: Driver,
    private readonly target: Neo4jTarget,
  ) {}

  async upsertActors(actors: readonly Actor[]): Promise<Actor[]> {
    if (actors.length === 0) return [];
    return this.write(async (tx) => {
      const inBatch = new Set(actors.map((actor) => actor.id));
      const outside = unique(actors.flatMap((actor) => (actor.affiliationId !== null && !inBatch.has(actor.affiliationId) ? [actor.affiliationId] : [])));
      const known = await existingActorIds(tx, outside);
      actors.forEach((actor, i) => {
        const target = actor.affiliationId;
        if (target !== null && !inBatch.has(target) && !known.has(target)) {
          throw new InvalidInputError(`actors[${i}].affiliationId`, target, 'is not a known actor');
        }
      });
      // An id given twice: the last one wins, as with successive upserts.
      const latest = [...new Map(actors.map((actor) => [actor.id, actor])).values()];
      for (const chunk of chunks(latest, WRITE_CHUNK)) {
        await run(tx, 'upsert-actors', { actors: chunk.map(actorToRow) });
      }
      for (const chunk of chunks(latest, WRITE_CHUNK)) {
        await run(tx, 'set-affiliations', { actors: chunk.map((actor) => ({ id: actor.id, affiliationId: actor.affiliationId })) });
      }
      await run(tx, 'bump-revision', {});
      const stored = await actorsByIds(tx, actors.map((actor) => actor.id));
      return stored.map((actor, i) => {
        if (actor === null) throw new Error(`actors[${i}] (${actors[i]?.id}) was not found right after being written`);
        return actor;
      });
    });
  }

  async recordInteractions(interactions: readonly Interaction[]): Promise<RecordedInteraction[]> {
    if (interactions.length === 0) return [];
    return this.write(async (tx) => {
      const known = await existingActorIds(tx, unique(interactions.flatMap(actorsOf)));
      interactions.forEach((interaction, i) => {
        const path = `interactions[${i}]`;
        if (!known.has(interaction.initiatorId)) {
          throw new InvalidInputError(`${path}.initiatorId`, interaction.initiatorId, 'is not a known actor');
        }
        interaction.participantIds.forEach((id, p) => {
          if (!known.has(id)) throw new InvalidInputError(`${path}.participantIds[${p}]`, id, 'is not a known actor');
        });
      });

      // Already stored (by externalId first, then by id), or earlier in this batch: not written again.
      const externalIds = unique(interactions.flatMap((interaction) => (interaction.externalId === null ? [] : [interaction.externalId])));
      const storedByExternalId = new Map<string, Interaction>();
      for (const found of await lookUpInteractions(tx, 'find-interactions-by-external-ids', externalIds)) {
        if (found.externalId !== null) storedByExternalId.set(found.externalId, found);
      }
      const storedById = new Map<string, Interaction>();
      for (const found of await lookUpInteractions(tx, 'find-interactions-by-ids', unique(interactions.map((i) => i.id)))) {
        storedById.set(found.id, found);
      }
      const results: RecordedInteraction[] = [];
      const fresh: Interaction[] = [];
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

      for (const chunk of chunks(fresh, WRITE_CHUNK)) {
        const { summary } = await run(tx, 'record-interactions', { interactions: chunk.map(interactionToRow) });
        const counts = summary.counters.updates();
        const relationships = chunk.reduce((sum, interaction) => sum + 1 + interaction.participantIds.length, 0);
        if (counts.nodesCreated !== chunk.length || counts.relationshipsCreated !== relationships) {
          throw new Error(
            `record-interactions created ${counts.nodesCreated} nodes and ${counts.relationshipsCreated} relationships ` +
              `for ${chunk.length} interactions needing ${relationships}: an actor disappeared during the write`,
          );
        }
      }
      if (fresh.length > 0) await run(tx, 'bump-revision', {});
      return results;
    });
  }

  async getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    if (ids.length === 0) return [];
    return this.read((tx) => actorsByIds(tx, ids));
  }

  async getInteractionsByIds(ids: readonly string[]): Promise<(Interaction | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.read((tx) => lookUpInteractions(tx, 'find-interactions-by-ids', unique(ids)));
    const byId = new Map(found.map((interaction) => [interaction.id, interaction]));
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
    const { records } = await this.read((tx) =>
      actorId === null ? run(tx, 'list-interactions', conditions) : run(tx, 'list-actor-interactions', { ...conditions, actorId }),
    );
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

  streamWindow(window: TimeWindow, scope: Scope = {}): AsyncIterable<Interaction> {
    return this.stream(
      'stream-window',
      {
        fromInclusive: toNeo4jDateTime(window.from),
        toExclusive: toNeo4jDateTime(window.to),
        interactionKinds: nonEmpty(scope.interactionKinds),
        actorKinds: nonEmpty(scope.actorKinds),
      },
      interactionFromRow,
    );
  }

  streamActors(): AsyncIterable<Actor> {
    return this.stream('stream-actors', {}, actorFromRow);
  }

  async revision(): Promise<number> {
    const { records } = await this.read((tx) => run(tx, 'read-revision', {}));
    return toSafeNumber(records[0]?.get('revision'), 'store revision');
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.driver.close();
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    // A closed driver fails with a code-less "Pool is closed"; say what it means instead.
    if (this.closed) throw new StoreUnavailableError(`The store for Neo4j at NEO4J_URI=${redactUri(this.target.uri)} is closed`);
    return this.driver.session({
      database: this.target.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translateNeo4jError(error, this.target);
    } finally {
      await closeQuietly(session);
    }
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
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
  private async *stream<N extends StatementName, T>(name: N, parameters: StatementParameters<N>, convert: (row: RowLike) => T): AsyncGenerator<T> {
    const session = this.session('READ');
    try {
      for await (const record of run(session, name, parameters)) yield convert(record);
    } catch (error) {
      throw translateNeo4jError(error, this.target);
    } finally {
      await closeQuietly(session);
    }
  }
}

/** Runs a statement from cypher/ by name; the compiler checks the parameters against statements.ts. */
function run<N extends StatementName>(runner: ManagedTransaction | Session, name: N, parameters: StatementParameters<N>) {
  return runner.run(readStatement(name), parameters);
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

async function lookUpInteractions(
  tx: ManagedTransaction,
  name: 'find-interactions-by-ids' | 'find-interactions-by-external-ids',
  keys: readonly string[],
): Promise<Interaction[]> {
  const found: Interaction[] = [];
  for (const chunk of chunks(keys, LOOKUP_CHUNK)) {
    const { records } =
      name === 'find-interactions-by-ids'
        ? await run(tx, 'find-interactions-by-ids', { ids: chunk })
        : await run(tx, 'find-interactions-by-external-ids', { externalIds: chunk });
    for (const record of records) found.push(interactionFromRow(record));
  }
  return found;
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

function toPage<T>(rows: T[], first: number): Page<T> {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function closeQuietly(session: Session): Promise<void> {
  try {
    await session.close();
  } catch {
    // A session on a lost connection may fail to close; the driver discards the connection anyway.
  }
}
