import { enumOf } from '../common/enums';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ActorMetric } from '../../metrics/actor-lookup';
import { figuresOf, type NetworkSnapshot as Snapshot } from '../../metrics/snapshot';
import type { ScopeInput, SeriesInput } from './metrics.input';
import { TREND_VERDICTS, type TrendVerdict } from '../../metrics/trend';

export const TrendVerdictEnum = enumOf<TrendVerdict>(TREND_VERDICTS);
registerEnumType(TrendVerdictEnum, {
  name: 'TrendVerdict',
  description:
    'Read from the fitted change over the whole series (slope × (windows − 1)). Towards peers: betweenness centralization fell by ≥ 0.05 or the peer-tie share rose by ≥ 0.05. Towards the hub: centralization rose by ≥ 0.05 or the peer-tie share fell by ≥ 0.05. MORE_PEER_CONNECTED when only towards peers, MORE_HUB_CENTERED when only towards the hub, NO_CLEAR_CHANGE otherwise (neither, both, or one window).',
});

const ACTOR_METRIC_NAMES = ['DEGREE', 'DEGREE_CENTRALITY', 'BETWEENNESS', 'CLOSENESS', 'EIGENVECTOR', 'PAGERANK', 'CLUSTERING'] as const;
export type ActorMetricName = (typeof ACTOR_METRIC_NAMES)[number];
export const ActorMetricEnum = enumOf<ActorMetricName>(ACTOR_METRIC_NAMES);
registerEnumType(ActorMetricEnum, { name: 'ActorMetric', description: 'A per-actor metric to order by (descending, ties by actor id).' });

/** The field of ActorMetricValues each ActorMetric orders by. */
export const ACTOR_METRIC_FIELD: Record<ActorMetricName, ActorMetric> = {
  DEGREE: 'degree',
  DEGREE_CENTRALITY: 'degreeCentrality',
  BETWEENNESS: 'betweenness',
  CLOSENESS: 'closeness',
  EIGENVECTOR: 'eigenvector',
  PAGERANK: 'pagerank',
  CLUSTERING: 'clustering',
};

@ObjectType({ description: 'A half-open time window [from, to).' })
export class Window {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => String, { nullable: true, description: 'A readable name in a series ("2019-08", "2019-Q3", "2019–20"); null for a single window.' })
  label!: string | null;
}

@ObjectType({ description: "One actor's position in the network of a window. Definitions in the README." })
export class ActorMetrics {
  actorId!: string;

  @Field(() => Int, { description: 'Number of distinct actors tied to this one.' })
  degree!: number;

  @Field(() => Float, { description: 'degree / (n − 1).' })
  degreeCentrality!: number;

  @Field(() => Float, { description: 'Exact shortest-path betweenness, unweighted, normalized by (n − 1)(n − 2) / 2.' })
  betweenness!: number;

  @Field(() => Float, { description: 'Closeness as networkx defines it, with Wasserman–Faust scaling on disconnected networks.' })
  closeness!: number;

  @Field(() => Float, { description: 'Eigenvector centrality (networkx normalisation, unit Euclidean norm).' })
  eigenvector!: number;

  @Field(() => Float, { description: 'PageRank, damping 0.85.' })
  pagerank!: number;

  @Field(() => Float, { description: 'Local clustering coefficient: share of pairs of neighbours that are tied.' })
  clustering!: number;

  @Field(() => Int, { description: 'Louvain community (fixed seed), numbered from 0.' })
  community!: number;
}

@ObjectType({ description: 'The network of one window and its figures. Networks too small for a measure give 0 (see README).' })
export class NetworkSnapshot {
  snapshot!: Snapshot;
  /** The scope it was computed with, for its export URL. */
  scope!: ScopeInput;

  @Field(() => Window)
  window!: Window;

  @Field(() => Int, { description: 'Actors with at least one tie in the window.' })
  actorCount!: number;

  @Field(() => Int, { description: 'Distinct tied pairs (undirected, repeated interactions count once).' })
  tieCount!: number;

  @Field(() => Int, { description: 'Interactions in the window and scope that produced at least one tie.' })
  interactionCount!: number;

  @Field(() => Float, { description: 'tieCount / (n(n − 1) / 2).' })
  density!: number;

  @Field(() => Float, { description: 'Freeman: Σ(max degree − degree) / ((n − 1)(n − 2)); a star is 1.' })
  degreeCentralization!: number;

  @Field(() => Float, { description: 'Freeman on normalized betweenness: Σ(max − b) / (n − 1); a star is 1.' })
  betweennessCentralization!: number;

  @Field(() => Float, { description: 'Mean local clustering over all actors (zeros included).' })
  averageClustering!: number;

  @Field(() => Float, { description: '3 × triangles / connected triples.' })
  transitivity!: number;

  @Field(() => Int)
  componentCount!: number;

  @Field(() => Float, { description: 'Actors in the largest connected component / n.' })
  largestComponentFraction!: number;

  @Field(() => Float, { description: 'Share of ties incident to the hub.' })
  hubTieShare!: number;

  @Field(() => Float, { description: 'Share of ties with no FOUNDATION endpoint.' })
  peerTieShare!: number;

  @Field(() => Float, { description: 'Largest connected component once the hub is removed, / (n − 1): 1 means the network holds together without its hub.' })
  largestComponentWithoutHubFraction!: number;

  @Field(() => Float, { description: 'Modularity of the Louvain partition (fixed seed).' })
  modularity!: number;

  @Field(() => Int)
  communityCount!: number;
}

@ObjectType({ description: 'Least-squares trend of a series, per step.' })
export class Trend {
  @Field(() => Float)
  betweennessCentralizationSlope!: number;

  @Field(() => Float)
  peerTieShareSlope!: number;

  @Field(() => TrendVerdictEnum)
  verdict!: TrendVerdict;

  @Field({ description: 'One plain-English sentence for a report.' })
  summary!: string;
}

@ObjectType({ description: 'Snapshots of consecutive windows and the trend across them.' })
export class NetworkSeries {
  series!: SeriesInput;
  scope!: ScopeInput;

  @Field(() => [NetworkSnapshot])
  snapshots!: NetworkSnapshot[];

  @Field(() => Trend)
  trend!: Trend;
}

export function toSnapshotType(snapshot: Snapshot, label: string | null, scope: ScopeInput): NetworkSnapshot {
  return { ...figuresOf(snapshot), snapshot, scope, window: { ...snapshot.window, label } };
}
