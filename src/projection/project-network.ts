import { ACTOR_KINDS, type Actor, type ActorKind } from '../domain/actor';
import { actorNetworkId } from '../domain/actor-network';
import { InvalidInputError } from '../domain/errors';
import { INTERACTION_KINDS, type Interaction } from '../domain/interaction';
import type { InteractionColumns } from './interaction-columns';
import type { Scope } from '../domain/scope';
import { DEFAULT_CO_PARTICIPATION_LIMIT, forEachCoParticipationTie } from './co-participation-ties';
import { compareIds } from './compare-ids';
import { forEachInitiatorTie } from './initiator-ties';
import { actorInScope, interactionInScope } from './scope';
import { createTieNetwork, type TieNetwork } from './tie-network';
import { TieTallies } from './tie-tallies';

/** The largest co-participation limit accepted: a group of 100 already makes 4,950 ties. */
export const MAX_CO_PARTICIPATION_LIMIT = 100;

export interface ProjectionOptions {
  /**
   * Participants of one interaction are tied to each other when it lists at most this many
   * participants; 0 disables co-participation ties. Default DEFAULT_CO_PARTICIPATION_LIMIT (8).
   */
  readonly coParticipationLimit?: number | null;
}

/**
 * Finds the actor behind an id (a Map<string, Actor> will do). It must also know the
 * actor each school's `affiliationId` names, since that decides the school's network.
 */
export interface ActorLookup {
  get(id: string): Actor | null | undefined;
}

export interface Projection {
  readonly network: TieNetwork;
  /**
   * Interactions that produced at least one tie in this network: those of the window left
   * after the scope, minus any whose in-scope actors were too few to tie (e.g. a school
   * visiting a foundation when the scope is schools only).
   */
  readonly interactionCount: number;
  /**
   * Of those counted interactions, how many each actor kind initiated (by the recorded
   * initiator, in or out of the scope), in ACTOR_KINDS order.
   */
  readonly initiatedBy: readonly number[];
}

/** Checks the co-participation limit and applies the default; `field` names it in errors. */
export function resolveCoParticipationLimit(value: number | null | undefined, field = 'coParticipationLimit'): number {
  if (value === null || value === undefined) return DEFAULT_CO_PARTICIPATION_LIMIT;
  if (!Number.isInteger(value) || value < 0 || value > MAX_CO_PARTICIPATION_LIMIT) {
    throw new InvalidInputError(field, value, `must be a whole number from 0 to ${MAX_CO_PARTICIPATION_LIMIT}`);
  }
  return value;
}

/** Pair keys lo·2^26 + hi stay exact doubles for up to 2^26 distinct actors in a window. */
const PAIR_BASE = 2 ** 26;

/**
 * A window's ties before any graph is built: what projectTieNetwork turns into a graphology
 * graph, and what the metrics read directly (src/metrics/graph-index.ts indexTies), since a
 * series measures hundreds of windows and building each one's graph cost more than most metrics.
 */
export interface TieTable {
  /** The actors with at least one tie, in id order (compareIds). */
  readonly actors: readonly Actor[];
  /** Each actor's network (src/domain/actor-network.ts), lined up with `actors`. */
  readonly networkIds: readonly (string | null)[];
  /** Tie t joins actors[lo[t]] and actors[hi[t]], lo[t] < hi[t]; ties in (lo, hi) order. */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** What tie t carries (TieAttributes), one column per field. */
  readonly interactions: Int32Array;
  readonly weight: Float64Array;
  readonly firstAt: Float64Array;
  readonly lastAt: Float64Array;
}

/** projectTies' result: the ties and what was counted of the interactions (see Projection). */
export interface TieProjection extends Omit<Projection, 'network'> {
  readonly ties: TieTable;
}

/**
 * The projection: the interactions of a window (already limited to the window by the
 * caller) → the undirected simple tie network (projectTies gives it as a TieTable).
 *
 * Ties come from two rules, one file each: initiator ties (initiator-ties.ts) and
 * co-participation ties (co-participation-ties.ts). The scope (scope.ts) drops
 * interactions of other kinds and actors of other kinds. Repeated interactions between
 * the same pair make one tie carrying `interactions` (how many distinct interactions tied
 * the pair), `weight` (the sum of their weights) and `firstAt`/`lastAt` (epoch ms).
 * Nodes are the actors with at least one tie, carrying name, kind, region and networkId.
 *
 * The result is canonical, whatever the order of the input: nodes are inserted in id
 * order, edges in (source, target) order with source < target, and edge keys are `e0`,
 * `e1`, ... in that order; so Louvain (which follows insertion order) and exports repeat.
 *
 * Throws an Error when an interaction names an actor the lookup does not know: the store
 * guarantees this never happens.
 */
export function projectTieNetwork(
  interactions: Iterable<Interaction>,
  actors: ActorLookup,
  scope: Scope = {},
  options: ProjectionOptions = {},
): Projection {
  const { ties, ...counts } = projectTies(interactions, actors, scope, options);
  return { network: tieNetworkOf(ties), ...counts };
}

/** projectTieNetwork without building the graph: the same nodes and ties, in the same canonical order. */
export function projectTies(
  interactions: Iterable<Interaction>,
  actors: ActorLookup,
  scope: Scope = {},
  options: ProjectionOptions = {},
): TieProjection {
  const limit = resolveCoParticipationLimit(options.coParticipationLimit);
  const counter = new TieCounter();
  const index = new Map<string, number>(); // actor id → dense number, or -1 when out of scope
  const kindOf = new Map<string, number>(); // actor id → index into ACTOR_KINDS
  let currentId = '';
  const numberOf = (id: string): number => {
    let n = index.get(id);
    if (n === undefined) {
      const actor = actors.get(id);
      if (!actor) throw new Error(`projection: interaction ${currentId} names actor ${id}, unknown to the actor lookup`);
      kindOf.set(id, ACTOR_KINDS.indexOf(actor.kind));
      n = counter.admit(actor, scope);
      index.set(id, n);
    }
    return n;
  };
  const inScope = (id: string): boolean => numberOf(id) >= 0;
  const tie = (x: string, y: string): void => counter.tie(numberOf(x), numberOf(y));

  for (const interaction of interactions) {
    if (!interactionInScope(interaction, scope)) continue;
    currentId = interaction.id;
    counter.begin(interaction.occurredAt.getTime(), interaction.weight);
    forEachInitiatorTie(interaction.initiatorId, interaction.participantIds, inScope, tie);
    forEachCoParticipationTie(interaction.participantIds, limit, inScope, tie);
    if (counter.tied) counter.count(kindOf.get(interaction.initiatorId)!);
  }
  return counter.result(actors);
}

/**
 * projectTies of the interactions with from ≤ occurredAt < to of a series' columns, read
 * as numbers into their actor table rather than as Interaction views with ids: the same
 * rules in the same order, so the same TieProjection, without a string lookup per endpoint.
 */
export function projectColumnTies(
  columns: InteractionColumns,
  from: number,
  to: number,
  actors: ActorLookup,
  scope: Scope = {},
  options: ProjectionOptions = {},
): TieProjection {
  const limit = resolveCoParticipationLimit(options.coParticipationLimit);
  const rows = columns.rows(from, to);
  const counter = new TieCounter();
  const index = new Int32Array(rows.actorIds.length).fill(UNSEEN); // actor number → dense number, −1 out of scope
  const kindOf = new Int8Array(rows.actorIds.length);
  const kindInScope = INTERACTION_KINDS.map((kind) => interactionInScope({ kind }, scope));
  let current = 0;
  const numberOf = (k: number): number => {
    let n = index[k]!;
    if (n === UNSEEN) {
      const actor = actors.get(rows.actorIds[k]!);
      if (!actor) throw new Error(`projection: interaction #${current} names actor ${rows.actorIds[k]}, unknown to the actor lookup`);
      kindOf[k] = ACTOR_KINDS.indexOf(actor.kind);
      n = counter.admit(actor, scope, rows.idRanks[k]);
      index[k] = n;
    }
    return n;
  };
  const inScope = (k: number): boolean => numberOf(k) >= 0;
  const tie = (x: number, y: number): void => counter.tie(numberOf(x), numberOf(y));

  for (let i = rows.first; i < rows.last; i++) {
    if (!kindInScope[rows.kinds[i]!]) continue;
    current = i;
    counter.begin(rows.times[i]!, rows.weights[i]!);
    const participants = rows.participants.subarray(rows.participantStart[i], rows.participantStart[i + 1]);
    forEachInitiatorTie(rows.initiators[i]!, participants, inScope, tie);
    forEachCoParticipationTie(participants, limit, inScope, tie);
    if (counter.tied) counter.count(kindOf[rows.initiators[i]!]!);
  }
  return counter.result(actors);
}

const UNSEEN = -2;

/** The tallies of one projection, fed interaction by interaction: begin, tie…, then count if tied. */
class TieCounter {
  private readonly known: Actor[] = [];
  /** Each known actor's position in id order, when the caller knows them all (else the ids are compared). */
  private readonly ranks: number[] = [];
  private ranked = true;
  private readonly ties = new TieTallies();
  private readonly initiatedBy = ACTOR_KINDS.map(() => 0);
  private interactionCount = 0;
  private seq = 0;
  private at = 0;
  private weight = 0;
  /** Whether the current interaction tied anyone. */
  tied = false;

  /** An actor's dense number, or −1 when the scope leaves it out; call once per actor, with its id-order rank if known. */
  admit(actor: Actor, scope: Scope, rank = -1): number {
    if (!actorInScope(actor, scope)) return -1;
    if (rank < 0) this.ranked = false;
    this.ranks.push(rank);
    return this.known.push(actor) - 1;
  }

  begin(at: number, weight: number): void {
    this.seq += 1;
    this.at = at;
    this.weight = weight;
    this.tied = false;
  }

  /** Ties two admitted actors (dense numbers); one interaction counts once per pair. */
  tie(nx: number, ny: number): void {
    this.ties.tie(Math.min(nx, ny), Math.max(nx, ny), this.seq, this.at, this.weight);
    this.tied = true;
  }

  /** Counts the current interaction, which tied someone, for its initiator's kind (index into ACTOR_KINDS). */
  count(initiatorKind: number): void {
    this.interactionCount += 1;
    this.initiatedBy[initiatorKind]! += 1;
  }

  result(actors: ActorLookup): TieProjection {
    const ties = canonicalTies(this.known, this.ranked ? this.ranks : null, this.ties, actors);
    return { ties, interactionCount: this.interactionCount, initiatedBy: this.initiatedBy };
  }
}

/** The actor's network id; throws when the lookup lacks the actor its affiliation names. */
function networkOf(actor: Actor, actors: ActorLookup): string | null {
  if (actor.kind !== 'SCHOOL' || actor.affiliationId === null) return actorNetworkId(actor, null);
  const affiliation = actors.get(actor.affiliationId);
  if (!affiliation) throw new Error(`projection: school ${actor.id} is affiliated to ${actor.affiliationId}, unknown to the actor lookup`);
  const kind: ActorKind = affiliation.kind;
  return actorNetworkId(actor, kind);
}

/** The ties in canonical order: actors by id, ties by (lo, hi) positions. */
function canonicalTies(known: readonly Actor[], ranks: readonly number[] | null, ties: TieTallies, actors: ActorLookup): TieTable {
  const m = ties.size;
  const used = new Uint8Array(known.length);
  for (let t = 0; t < m; t++) {
    used[ties.a[t]!] = 1;
    used[ties.b[t]!] = 1;
  }
  const order = ranks ? orderByRank(used, ranks) : [];
  if (!ranks) {
    for (let i = 0; i < known.length; i++) if (used[i]) order.push(i);
    order.sort((x, y) => compareIds(known[x]!.id, known[y]!.id));
  }
  const rank = new Int32Array(known.length);
  order.forEach((n, r) => (rank[n] = r));

  // rank pairs as exact doubles lo·2^26 + hi: a numeric sort of them is the (lo, hi) order
  const keys = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const ra = rank[ties.a[t]!]!;
    const rb = rank[ties.b[t]!]!;
    keys[t] = Math.min(ra, rb) * PAIR_BASE + Math.max(ra, rb);
  }
  keys.sort();
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  const interactions = new Int32Array(m);
  const weight = new Float64Array(m);
  const firstAt = new Float64Array(m);
  const lastAt = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const key = keys[e]!;
    const l = Math.floor(key / PAIR_BASE);
    const h = key - l * PAIR_BASE;
    lo[e] = l;
    hi[e] = h;
    const x = order[l]!;
    const y = order[h]!;
    const row = ties.rowOf(Math.min(x, y), Math.max(x, y));
    interactions[e] = ties.interactions[row]!;
    weight[e] = ties.weight[row]!;
    firstAt[e] = ties.firstAt[row]!;
    lastAt[e] = ties.lastAt[row]!;
  }
  const ordered = order.map((n) => known[n]!);
  return { actors: ordered, networkIds: ordered.map((actor) => networkOf(actor, actors)), lo, hi, interactions, weight, firstAt, lastAt };
}

/** The used actors' dense numbers in id order, from their ranks: pairs rank·2^26 + number sorted natively. */
function orderByRank(used: Uint8Array, ranks: readonly number[]): number[] {
  const keys: number[] = [];
  for (let i = 0; i < used.length; i++) if (used[i]) keys.push(ranks[i]! * PAIR_BASE + i);
  const sorted = Float64Array.from(keys).sort();
  return Array.from(sorted, (key) => key % PAIR_BASE);
}

/** The graphology graph of a TieTable: nodes in id order, edges `e0`, `e1`, ... in tie order. */
export function tieNetworkOf(table: TieTable): TieNetwork {
  const network = createTieNetwork();
  table.actors.forEach((actor, i) => {
    network.addNode(actor.id, { name: actor.name, kind: actor.kind, region: actor.region, networkId: table.networkIds[i]! });
  });
  for (let e = 0; e < table.lo.length; e++) {
    network.addUndirectedEdgeWithKey(`e${e}`, table.actors[table.lo[e]!]!.id, table.actors[table.hi[e]!]!.id, {
      interactions: table.interactions[e]!,
      weight: table.weight[e]!,
      firstAt: table.firstAt[e]!,
      lastAt: table.lastAt[e]!,
    });
  }
  return network;
}
