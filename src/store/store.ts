import type { Author, StoredToken } from '../domain/access';
import type { Actor, ActorKind } from '../domain/actor';
import type { AuditCursor, AuditEntry, AuditFilter, AuditOrder, RecordStamp } from '../domain/audit';
import type { Interaction, InteractionKind } from '../domain/interaction';
import type { ActorCursor, InteractionCursor, Page, PageRequest } from '../domain/page';
import type { Scope } from '../domain/scope';
import type { TimeWindow } from '../domain/time-window';
import type { SurveyStore } from './survey-store';

/**
 * The store port: everything the API, the metrics and the CLI need from storage.
 * Two adapters implement it (SQLite, Neo4j) and both pass test/store/store-contract.ts.
 *
 * Contract, shared by every adapter:
 * - Writes are atomic: a batch is written whole or not at all.
 * - Inputs arrive already validated field by field (src/domain); the store checks what
 *   needs the stored data (that referenced actors exist) inside the write transaction
 *   and throws InvalidInputError naming the batch path, e.g. `interactions[3].participantIds[1]`.
 * - Reads return plain domain objects; lists keep the documented order.
 * - Failures to reach the backing database are thrown as StoreUnavailableError.
 */
export type StoreKind = 'sqlite' | 'neo4j';

/** Takes a window's interactions one by one, as fields (InteractionColumns is one). */
export interface InteractionSink {
  /** `id` only names the interaction in an error (its order). */
  append(at: number, kind: InteractionKind, weight: number, initiatorId: string, participantIds: readonly string[], id: string): void;
}

/** A store's file that another thread can open read-only to read windows itself (see Store.windowFile). */
export interface WindowFile {
  readonly kind: 'sqlite';
  readonly path: string;
}

export interface Store {
  /** Which adapter this is, for logs and the README's diagnostics. */
  readonly kind: StoreKind;

  /** Surveys and their ratings (issue 23): their own part of the port, see survey-store.ts. */
  readonly surveys: SurveyStore;

  /**
   * Creates or replaces actors (matched by id). `affiliationId` must name an actor that
   * exists already or is in the same batch. Returns the actors as stored, in input order.
   * An affiliationId that is the alias of a merged actor names that actor; a row whose id is
   * such an alias is not written (the duplicate never overwrites the actor it was merged
   * into) and its result is that actor, as stored.
   * Changed actors are stamped and logged as written by `author` (default: `system`, now).
   */
  upsertActors(actors: readonly Actor[], author?: Author): Promise<Actor[]>;

  /**
   * Records interactions. Every initiator and participant must exist. An interaction whose
   * `externalId` is already stored is not written again: the stored one is returned with
   * `created: false`. Results are in input order. Actor ids that are aliases of merged
   * actors name those actors. New interactions are stamped as by `author` and logged in one
   * INTERACTION_BATCH audit entry naming `source` (e.g. the import's file) and their ids.
   */
  recordInteractions(interactions: readonly Interaction[], author?: Author, source?: string | null): Promise<RecordedInteraction[]>;

  /**
   * Actors by id, in the order asked, null where none exists (DataLoader's contract). The
   * alias of a merged actor gives the actor it was merged into.
   */
  getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]>;

  /** Actors whose name folds (domain/actor-names.ts foldName) to one of these names', ordered by id. */
  findActorsByNames(names: readonly string[]): Promise<Actor[]>;

  /** Interactions by id, in the order asked, null where none exists or it is deleted. */
  getInteractionsByIds(ids: readonly string[]): Promise<(Interaction | null)[]>;

  /** Actors matching the filter, ordered by id. */
  listActors(filter: ActorFilter, page: PageRequest<ActorCursor>): Promise<Page<Actor>>;
  countActors(filter: ActorFilter): Promise<number>;

  /** Interactions matching the filter, ordered by (occurredAt, id). */
  listInteractions(filter: InteractionFilter, page: PageRequest<InteractionCursor>): Promise<Page<Interaction>>;
  countInteractions(filter: InteractionFilter): Promise<number>;

  /**
   * The interactions of a window [from, to), ordered by (occurredAt, id), streamed so a
   * long window does not sit in memory twice. `scope.interactionKinds` keeps only those
   * kinds; `scope.actorKinds` keeps only interactions involving at least one actor of those
   * kinds (the projection then drops the out-of-scope endpoints).
   */
  streamWindow(window: TimeWindow, scope?: Scope): AsyncIterable<Interaction>;

  /**
   * Appends streamWindow(window, scope)'s interactions to `sink` as fields, in the same order,
   * without an Interaction object per row (a series' range read: the SQLite store reads raw
   * columns, store/sqlite/window-columns.ts; the Neo4j store appends each record as the driver
   * decodes it, store/neo4j/window-columns.ts). Optional: without it the range is read through
   * streamWindow.
   */
  readWindowInto?(window: TimeWindow, scope: Scope, sink: InteractionSink): Promise<void>;

  /**
   * How many interactions streamWindow(window, scope) would yield, counted without reading
   * them (on the time index alone when there is no scope): the work budget is checked on
   * these counts before a range is read.
   */
  countWindow(window: TimeWindow, scope?: Scope): Promise<number>;

  /**
   * The file a worker thread may open read-only to read a window's interactions and actors
   * itself, as streamWindow and getActorsByIds would give them, so the calling thread holds
   * none of a long range (store/sqlite/window-reader.ts); absent for a store that cannot be
   * read that way (Neo4j, an in-memory SQLite): its windows are read through streamWindow.
   */
  readonly windowFile?: WindowFile;

  /** Every actor, ordered by id: for exports and store-to-store migration. */
  streamActors(): AsyncIterable<Actor>;

  /**
   * A number that changes whenever any write commits, from any process: caches of
   * computed networks key on it.
   */
  revision(): Promise<number>;

  // ---- Corrections: each is one transaction, bumps the revision and writes the audit log.
  // Unknown ids throw InvalidInputError naming the argument (e.g. `ids[2]`). Deleted
  // interactions leave every list, count, window and export but keep their row.

  /** The actor each id names: itself, or the actor an alias was merged into. */
  resolveActorIds(ids: readonly string[]): Promise<string[]>;

  /** Replaces a live interaction's data (same id and externalId); returns it as stored. */
  updateInteraction(interaction: Interaction, author: Author): Promise<Interaction>;

  /** Soft-deletes live interactions; returns them as they were. */
  deleteInteractions(ids: readonly string[], reason: string, author: Author): Promise<Interaction[]>;

  /** Brings deleted interactions back exactly as they were; returns them. */
  restoreInteractions(ids: readonly string[], author: Author): Promise<Interaction[]>;

  /**
   * Moves the source's interactions (deleted ones too, but those left between the two only, which go) and affiliated actors to the target,
   * removes the source and makes its id an alias of the target (aliases of the source follow).
   * Refused when the kinds differ unless allowKindChange. Returns the target.
   */
  mergeActors(sourceId: string, targetId: string, options: { readonly allowKindChange: boolean }, author: Author): Promise<Actor>;

  /** Deletes an actor that no live interaction and no affiliated actor refers to; its deleted interactions go with it. */
  deleteActor(id: string, author: Author): Promise<Actor>;

  // ---- Audit trail

  /** Who recorded and last changed each actor, in the order asked, null where none exists. */
  getActorStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]>;
  /** The same for interactions (deleted ones included). */
  getInteractionStamps(ids: readonly string[]): Promise<(RecordStamp | null)[]>;

  /**
   * Audit entries matching the filter, in the order written, or newest first; a cursor pages on
   * in the same order. Append-only: nothing removes them.
   */
  listAuditLog(filter: AuditFilter, page: PageRequest<AuditCursor>, order?: AuditOrder): Promise<Page<AuditEntry>>;

  // ---- API tokens (never bump the revision)

  /** Stores a new token; throws InvalidInputError(`name`) when a token not revoked has that name. */
  createToken(token: StoredToken, author: Author): Promise<StoredToken>;
  /** One indexed read by the token's public identifier; revoked and expired tokens are returned too. */
  findToken(identifier: string): Promise<StoredToken | null>;
  /** Every token, revoked ones included, by creation time. */
  listTokens(): Promise<StoredToken[]>;
  /** Revokes the token of that name not yet revoked; throws InvalidInputError(`name`) when there is none. */
  revokeToken(name: string, author: Author): Promise<StoredToken>;
  /** Notes a token's last use. */
  touchToken(identifier: string, at: Date): Promise<void>;

  close(): Promise<void>;
}

export interface RecordedInteraction {
  readonly interaction: Interaction;
  /** false when an interaction with the same externalId was already stored. */
  readonly created: boolean;
}

export interface ActorFilter {
  readonly kinds?: readonly ActorKind[] | null;
  /** Exact match, e.g. `MD`. */
  readonly region?: string | null;
  /** Actors carrying this tag. */
  readonly tag?: string | null;
  /** Case-insensitive substring of the name. */
  readonly search?: string | null;
}

export interface InteractionFilter {
  /** Included lower bound. */
  readonly from?: Date | null;
  /** Excluded upper bound. */
  readonly to?: Date | null;
  readonly kinds?: readonly InteractionKind[] | null;
  /** As initiator or participant. */
  readonly actorId?: string | null;
}
