import { ACTOR_KINDS, type Actor, type ActorKind } from '../domain/actor';
import { actorNetworkId } from '../domain/actor-network';
import { InvalidInputError } from '../domain/errors';
import type { Interaction } from '../domain/interaction';
import type { Scope } from '../domain/scope';
import { DEFAULT_CO_PARTICIPATION_LIMIT, forEachCoParticipationTie } from './co-participation-ties';
import { compareIds } from './compare-ids';
import { forEachInitiatorTie } from './initiator-ties';
import { actorInScope, interactionInScope } from './scope';
import { createTieNetwork, type TieAttributes, type TieNetwork } from './tie-network';

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

interface TieTally extends TieAttributes {
  readonly a: number;
  readonly b: number;
  /** Sequence number of the last interaction counted, so one interaction counts once. */
  lastSeq: number;
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
  /** What tie t carries. */
  readonly attributes: readonly TieAttributes[];
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
  const index = new Map<string, number>(); // actor id → dense number, or -1 when out of scope
  const known: Actor[] = [];
  const ties = new Map<number, TieTally>();
  const kindOf = new Map<string, number>(); // actor id → index into ACTOR_KINDS
  const initiatedBy = ACTOR_KINDS.map(() => 0);
  let interactionCount = 0;
  // The interaction being projected, read by the helpers below.
  let seq = 0;
  let currentId = '';
  let at = 0;
  let weight = 0;
  let tied = false;

  const numberOf = (id: string): number => {
    let n = index.get(id);
    if (n === undefined) {
      const actor = actors.get(id);
      if (!actor) throw new Error(`projection: interaction ${currentId} names actor ${id}, unknown to the actor lookup`);
      kindOf.set(id, ACTOR_KINDS.indexOf(actor.kind));
      n = actorInScope(actor, scope) ? known.push(actor) - 1 : -1;
      index.set(id, n);
    }
    return n;
  };
  const inScope = (id: string): boolean => numberOf(id) >= 0;
  const tie = (x: string, y: string): void => {
    const nx = numberOf(x);
    const ny = numberOf(y);
    const a = Math.min(nx, ny);
    const b = Math.max(nx, ny);
    const key = a * PAIR_BASE + b;
    const tally = ties.get(key);
    tied = true;
    if (!tally) {
      ties.set(key, { a, b, interactions: 1, weight, firstAt: at, lastAt: at, lastSeq: seq });
    } else if (tally.lastSeq !== seq) {
      tally.lastSeq = seq;
      tally.interactions += 1;
      tally.weight += weight;
      if (at < tally.firstAt) tally.firstAt = at;
      if (at > tally.lastAt) tally.lastAt = at;
    }
  };

  for (const interaction of interactions) {
    if (!interactionInScope(interaction, scope)) continue;
    seq += 1;
    currentId = interaction.id;
    at = interaction.occurredAt.getTime();
    weight = interaction.weight;
    tied = false;
    forEachInitiatorTie(interaction, inScope, tie);
    forEachCoParticipationTie(interaction, limit, inScope, tie);
    if (tied) {
      interactionCount += 1;
      numberOf(interaction.initiatorId); // records its kind (already done by the initiator rule)
      initiatedBy[kindOf.get(interaction.initiatorId)!]! += 1;
    }
  }

  return { ties: canonicalTies(known, ties, actors), interactionCount, initiatedBy };
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
function canonicalTies(known: readonly Actor[], ties: ReadonlyMap<number, TieTally>, actors: ActorLookup): TieTable {
  const used = new Uint8Array(known.length);
  for (const tally of ties.values()) {
    used[tally.a] = 1;
    used[tally.b] = 1;
  }
  const order: number[] = [];
  for (let i = 0; i < known.length; i++) if (used[i]) order.push(i);
  order.sort((x, y) => compareIds(known[x]!.id, known[y]!.id));
  const rank = new Int32Array(known.length);
  order.forEach((n, r) => (rank[n] = r));

  // rank pairs as exact doubles lo·2^26 + hi: a numeric sort of them is the (lo, hi) order
  const keys = new Float64Array(ties.size);
  const byKey = new Map<number, TieTally>();
  let t = 0;
  for (const tally of ties.values()) {
    const ra = rank[tally.a]!;
    const rb = rank[tally.b]!;
    const key = Math.min(ra, rb) * PAIR_BASE + Math.max(ra, rb);
    keys[t++] = key;
    byKey.set(key, tally);
  }
  keys.sort();
  const lo = new Int32Array(keys.length);
  const hi = new Int32Array(keys.length);
  const attributes: TieAttributes[] = [];
  keys.forEach((key, e) => {
    lo[e] = Math.floor(key / PAIR_BASE);
    hi[e] = key - lo[e] * PAIR_BASE;
    const { interactions, weight, firstAt, lastAt } = byKey.get(key)!;
    attributes.push({ interactions, weight, firstAt, lastAt });
  });
  const ordered = order.map((n) => known[n]!);
  return { actors: ordered, networkIds: ordered.map((actor) => networkOf(actor, actors)), lo, hi, attributes };
}

/** The graphology graph of a TieTable: nodes in id order, edges `e0`, `e1`, ... in tie order. */
export function tieNetworkOf(table: TieTable): TieNetwork {
  const network = createTieNetwork();
  table.actors.forEach((actor, i) => {
    network.addNode(actor.id, { name: actor.name, kind: actor.kind, region: actor.region, networkId: table.networkIds[i]! });
  });
  table.attributes.forEach((attributes, e) => {
    network.addUndirectedEdgeWithKey(`e${e}`, table.actors[table.lo[e]!]!.id, table.actors[table.hi[e]!]!.id, attributes);
  });
  return network;
}
