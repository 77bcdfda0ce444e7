import type { TimeWindow } from '../domain/time-window';

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
}

/**
 * The per-actor figures of a snapshot as columns: actor i is `ids[i]` (sorted by id) and
 * its figures are `degree[i]`, `betweenness[i]`, ... Typed-array columns weigh less than half
 * of the equivalent ActorMetricValues objects, so the cache holds more windows.
 */
export interface ActorMetricColumns {
  readonly ids: readonly string[];
  readonly degree: ArrayLike<number>;
  readonly degreeCentrality: ArrayLike<number>;
  readonly betweenness: ArrayLike<number>;
  readonly closeness: ArrayLike<number>;
  readonly eigenvector: ArrayLike<number>;
  readonly pagerank: ArrayLike<number>;
  readonly clustering: ArrayLike<number>;
  readonly community: ArrayLike<number>;
}

/** Everything computed for one window: what GraphQL and the exports serve. */
export interface NetworkSnapshot extends NetworkFigures {
  readonly window: TimeWindow;
  /**
   * Sorted by actor id. In a snapshot made by computeSnapshot this is a getter that
   * builds a new array from `actorColumns` on every read: prefer findActorMetrics /
   * topActors (./actor-lookup.ts), which read the columns, and read it once per use.
   */
  readonly actors: readonly ActorMetricValues[];
  /** The same figures as columns (not enumerable), when the snapshot was made by computeSnapshot. */
  readonly actorColumns?: ActorMetricColumns;
}

/** Actor i's figures out of the columns. */
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
  };
}

/**
 * A snapshot whose `actors` are built from the columns on every read (an enumerable
 * getter, so comparing or serialising the snapshot still shows them); `actorColumns` is
 * not enumerable.
 */
export function columnSnapshot(figures: NetworkFigures & { readonly window: TimeWindow }, columns: ActorMetricColumns): NetworkSnapshot {
  const snapshot = { ...figures };
  Object.defineProperty(snapshot, 'actors', {
    get: (): ActorMetricValues[] => columns.ids.map((_id, i) => actorMetricsAt(columns, i)),
    enumerable: true,
  });
  Object.defineProperty(snapshot, 'actorColumns', { value: columns, enumerable: false });
  return snapshot as typeof snapshot & Pick<NetworkSnapshot, 'actors' | 'actorColumns'>;
}

/** Number of actors of a snapshot, without building its `actors`. */
export function snapshotActorRows(snapshot: Pick<NetworkSnapshot, 'actors' | 'actorColumns'>): number {
  return snapshot.actorColumns ? snapshot.actorColumns.ids.length : snapshot.actors.length;
}

/** The network-level figures of a snapshot alone: copying them does not build its actor list. */
export function figuresOf(snapshot: NetworkFigures): NetworkFigures {
  const {
    actorCount, tieCount, interactionCount, density, degreeCentralization, betweennessCentralization, averageClustering,
    transitivity, componentCount, largestComponentFraction, hubId, hubTieShare, peerTieShare,
    largestComponentWithoutHubFraction, modularity, communityCount,
  } = snapshot;
  return {
    actorCount, tieCount, interactionCount, density, degreeCentralization, betweennessCentralization, averageClustering,
    transitivity, componentCount, largestComponentFraction, hubId, hubTieShare, peerTieShare,
    largestComponentWithoutHubFraction, modularity, communityCount,
  };
}
