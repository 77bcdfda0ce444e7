import type { TimeWindow } from '../domain/time-window';
import type { BetweennessEstimate } from './sampled-betweenness';
import type { KindInitiative } from './network/initiative';
import type { MainCore } from './network/main-core';
import type { Stage } from './network/stage';
import type { TieMix } from './network/tie-mix';

/**
 * Per-actor figures in one window. Definitions: README "Metric definitions" and the
 * header of each metric's module in src/metrics/actor/.
 */
export interface ActorMetricValues {
  readonly actorId: string;
  readonly degree: number;
  readonly degreeCentrality: number;
  readonly betweenness: number;
  readonly closeness: number;
  readonly eigenvector: number;
  readonly pagerank: number;
  readonly clustering: number;
  /** Louvain community index, 0-based, stable for a given graph (fixed seed). */
  readonly community: number;
  /** Burt's constraint, unweighted (src/metrics/actor/constraint.ts). */
  readonly constraint: number;
  /** Burt's effective size, unweighted (src/metrics/actor/effective-size.ts). */
  readonly effectiveSize: number;
  /** k-core number (src/metrics/actor/core-number.ts). */
  readonly coreNumber: number;
}

/** Network-level figures of one window (see src/metrics/network/). */
export interface NetworkFigures {
  readonly actorCount: number;
  readonly tieCount: number;
  readonly interactionCount: number;
  readonly density: number;
  readonly degreeCentralization: number;
  readonly betweennessCentralization: number;
  readonly averageClustering: number;
  readonly transitivity: number;
  readonly componentCount: number;
  readonly largestComponentFraction: number;
  /** Highest degree, ties broken by smallest id; null for an empty network. */
  readonly hubId: string | null;
  readonly hubTieShare: number;
  readonly peerTieShare: number;
  readonly largestComponentWithoutHubFraction: number;
  readonly modularity: number;
  readonly communityCount: number;
  /** Shares of the ties in each tie class (src/domain/tie-class.ts). */
  readonly tieMix: TieMix;
  readonly crossNetworkTieShare: number;
  readonly eiIndex: number;
  /** One entry per actor kind, in ACTOR_KINDS order. */
  readonly initiatedBy: readonly KindInitiative[];
  readonly foundationInitiatedShare: number;
  readonly stage: Stage;
  readonly mainCore: MainCore;
}

/** The per-actor figures: every field of ActorMetricValues but actorId. */
export type ActorFigure = Exclude<keyof ActorMetricValues, 'actorId'>;

/**
 * The per-actor figures of a snapshot as columns: actor i is `ids[i]` (sorted by id) and
 * its figures are `degree[i]`, `betweenness[i]`, ... Typed-array columns weigh less than half
 * of the equivalent ActorMetricValues objects, so the cache holds more windows.
 */
export interface ActorMetricColumns extends Readonly<Record<ActorFigure, ArrayLike<number>>> {
  readonly ids: readonly string[];
}

/**
 * The window's ties and what the tie classes read of each actor, kept with a snapshot for
 * the tie changes of a series and the introductions: actor i is `ActorMetricColumns.ids[i]`,
 * its partners are `neighbors[offsets[i] .. offsets[i + 1])` (ascending), its kind is
 * `kinds[i]` (index into ACTOR_KINDS) and its network `networks[i]` (−1 for none, numbers
 * valid within this snapshot only).
 */
export interface SnapshotTies {
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly kinds: Uint8Array;
  readonly networks: Int32Array;
}

/** Everything computed for one window: what GraphQL and the exports serve. */
export interface NetworkSnapshot extends NetworkFigures {
  readonly window: TimeWindow;
  /**
   * Sorted by actor id. In a snapshot made by completeSnapshot this is a getter that
   * builds a new array from `actorColumns` on every read: prefer findActorMetrics /
   * topActors (./actor-lookup.ts), which read the columns, and read it once per use.
   */
  readonly actors: readonly ActorMetricValues[];
  /** The same figures as columns (not enumerable), when the snapshot was made by completeSnapshot. */
  readonly actorColumns?: ActorMetricColumns;
  /** The ties themselves (not enumerable), when the snapshot was made by completeSnapshot. */
  readonly ties?: SnapshotTies;
  /** How betweenness was sampled (not enumerable) when it is an estimate (./sampled-betweenness.ts); absent when exact. */
  readonly betweennessEstimate?: BetweennessEstimate;
}

/**
 * Actor i's figures out of the columns. Spelt out field by field on purpose: a literal gives
 * V8 one fixed shape with the fields inside the object, where copying over a list of names
 * builds each row slower and larger (exports build one row per actor and window).
 */
export function actorMetricsAt(columns: ActorMetricColumns, i: number): ActorMetricValues {
  return {
    actorId: columns.ids[i]!,
    degree: columns.degree[i]!,
    degreeCentrality: columns.degreeCentrality[i]!,
    betweenness: columns.betweenness[i]!,
    closeness: columns.closeness[i]!,
    eigenvector: columns.eigenvector[i]!,
    pagerank: columns.pagerank[i]!,
    clustering: columns.clustering[i]!,
    community: columns.community[i]!,
    constraint: columns.constraint[i]!,
    effectiveSize: columns.effectiveSize[i]!,
    coreNumber: columns.coreNumber[i]!,
  };
}

/**
 * A snapshot whose `actors` are built from the columns on every read (an enumerable
 * getter, so comparing or serialising the snapshot still shows them); `actorColumns` is
 * not enumerable.
 */
export function columnSnapshot(
  figures: NetworkFigures & { readonly window: TimeWindow },
  columns: ActorMetricColumns,
  ties?: SnapshotTies,
  betweennessEstimate: BetweennessEstimate | null = null,
): NetworkSnapshot {
  const snapshot = { ...figures };
  Object.defineProperty(snapshot, 'actors', {
    get: (): ActorMetricValues[] => columns.ids.map((_id, i) => actorMetricsAt(columns, i)),
    enumerable: true,
  });
  Object.defineProperty(snapshot, 'actorColumns', { value: columns, enumerable: false });
  if (ties) Object.defineProperty(snapshot, 'ties', { value: ties, enumerable: false });
  if (betweennessEstimate) Object.defineProperty(snapshot, 'betweennessEstimate', { value: betweennessEstimate, enumerable: false });
  return snapshot as typeof snapshot & Pick<NetworkSnapshot, 'actors' | 'actorColumns' | 'ties' | 'betweennessEstimate'>;
}

/** Number of actors of a snapshot, without building its `actors`. */
export function snapshotActorRows(snapshot: Pick<NetworkSnapshot, 'actors' | 'actorColumns'>): number {
  return snapshot.actorColumns ? snapshot.actorColumns.ids.length : snapshot.actors.length;
}

/**
 * Every key of NetworkFigures, once, in the order figuresOf copies them (`satisfies` fails
 * the build when NetworkFigures gains or loses a figure and this list does not).
 */
const NETWORK_FIGURES = Object.keys({
  actorCount: true,
  tieCount: true,
  interactionCount: true,
  density: true,
  degreeCentralization: true,
  betweennessCentralization: true,
  averageClustering: true,
  transitivity: true,
  componentCount: true,
  largestComponentFraction: true,
  hubId: true,
  hubTieShare: true,
  peerTieShare: true,
  largestComponentWithoutHubFraction: true,
  modularity: true,
  communityCount: true,
  tieMix: true,
  crossNetworkTieShare: true,
  eiIndex: true,
  initiatedBy: true,
  foundationInitiatedShare: true,
  stage: true,
  mainCore: true,
} satisfies Record<keyof NetworkFigures, true>) as (keyof NetworkFigures)[];

/** The network-level figures of a snapshot alone: copying them does not build its actor list. */
export function figuresOf(snapshot: NetworkFigures): NetworkFigures {
  const figures: Partial<Record<keyof NetworkFigures, unknown>> = {};
  for (const key of NETWORK_FIGURES) figures[key] = snapshot[key];
  return figures as NetworkFigures;
}
