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

/** Everything computed for one window: what GraphQL and the exports serve. */
export interface NetworkSnapshot extends NetworkFigures {
  readonly window: TimeWindow;
  /** Sorted by actor id. */
  readonly actors: readonly ActorMetricValues[];
}
