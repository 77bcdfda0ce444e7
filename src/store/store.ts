import type { Actor, ActorKind } from '../domain/actor';
import type { Interaction, InteractionKind } from '../domain/interaction';
import type { ActorCursor, InteractionCursor, Page, PageRequest } from '../domain/page';
import type { Scope, TimeWindow } from '../domain/time-window';

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

export interface Store {
  /** Which adapter this is, for logs and the README's diagnostics. */
  readonly kind: StoreKind;

  /**
   * Creates or replaces actors (matched by id). `affiliationId` must name an actor that
   * exists already or is in the same batch. Returns the actors as stored, in input order.
   */
  upsertActors(actors: readonly Actor[]): Promise<Actor[]>;

  /**
   * Records interactions. Every initiator and participant must exist. An interaction whose
   * `externalId` is already stored is not written again: the stored one is returned with
   * `created: false`. Results are in input order.
   */
  recordInteractions(interactions: readonly Interaction[]): Promise<RecordedInteraction[]>;

  /** Actors by id, in the order asked, null where none exists (DataLoader's contract). */
  getActorsByIds(ids: readonly string[]): Promise<(Actor | null)[]>;

  /** Interactions by id, in the order asked, null where none exists. */
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

  /** Every actor, ordered by id: for exports and store-to-store migration. */
  streamActors(): AsyncIterable<Actor>;

  /**
   * A number that changes whenever any write commits, from any process: caches of
   * computed networks key on it.
   */
  revision(): Promise<number>;

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
