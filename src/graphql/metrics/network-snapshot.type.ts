import { ActorKindEnum, enumOf } from '../common/enums';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ActorKind } from '../../domain/actor';
import { STAGES, type Stage } from '../../metrics/network/stage';
import type { ActorMetric } from '../../metrics/actor-lookup';
import { figuresOf, type NetworkSnapshot as Snapshot } from '../../metrics/snapshot';
import type { ScopeInput, SeriesInput } from './metrics.input';
import { TREND_VERDICTS, type TrendVerdict } from '../../metrics/trend';

export const TrendVerdictEnum = enumOf<TrendVerdict>(TREND_VERDICTS);
registerEnumType(TrendVerdictEnum, {
  name: 'TrendVerdict',
  description:
    "Four signals vote, each by its fitted change over the whole series (slope × (windows − 1)), when that change is at least 0.05 either way: betweenness centralization (a fall is towards peers), the foundation's share of ties (a fall is towards peers), the cross-network share of ties (a rise is towards peers) and the foundation's share of initiated interactions (a fall is towards peers). MORE_PEER_CONNECTED when more vote towards peers than towards the hub, MORE_HUB_CENTERED when more vote towards the hub, NO_CLEAR_CHANGE on a tie or for one window.",
});

export const StageEnum = enumOf<Stage>(STAGES);
registerEnumType(StageEnum, {
  name: 'NetworkStage',
  description: 'The network-weaving stage (after Krebs & Holley), the first rule that holds, in this order.',
  valuesConfig: {
    SCATTERED_FRAGMENTS: { description: 'No ties, or the largest connected component holds less than half of the actors.' },
    HUB_AND_SPOKE: { description: 'The largest component once the hub is removed holds less than half of the other actors.' },
    CORE_PERIPHERY: { description: 'The main core has k ≥ 3, holds at most half of the actors, and its density is at least 0.5.' },
    MULTI_HUB: { description: 'Otherwise: several hubs hold the network together.' },
  },
});

const ACTOR_METRIC_NAMES = [
  'DEGREE',
  'DEGREE_CENTRALITY',
  'BETWEENNESS',
  'CLOSENESS',
  'EIGENVECTOR',
  'PAGERANK',
  'CLUSTERING',
  'CONSTRAINT',
  'EFFECTIVE_SIZE',
  'CORE_NUMBER',
] as const;
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
  CONSTRAINT: 'constraint',
  EFFECTIVE_SIZE: 'effectiveSize',
  CORE_NUMBER: 'coreNumber',
};

@ObjectType({ description: 'A half-open time window [from, to).' })
export class Window {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'A readable name in a series ("2019-08", "2019-Q3", "2019–20"); null for a single window.',
  })
  label!: string | null;
}

@ObjectType({ description: "One actor's position in the network of a window. Definitions in the README." })
export class ActorMetrics {
  actorId!: string;

  @Field(() => Int, { description: 'Number of distinct actors tied to this one.' })
  degree!: number;

  @Field(() => Float, { description: 'degree / (n − 1).' })
  degreeCentrality!: number;

  @Field(() => Float, {
    description:
      'Shortest-path betweenness, unweighted, normalized by (n − 1)(n − 2) / 2: exact, unless the scope asked for approximateBetweenness (then see NetworkSnapshot.betweennessEstimate).',
  })
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

  @Field(() => Float, {
    description:
      "Burt's constraint, unweighted (networkx constraint): Σ over partners j of ((1 + Σ over common partners q of 1/deg q) / deg)². Low values mark brokers between groups that are not tied to each other.",
  })
  constraint!: number;

  @Field(() => Float, {
    description:
      "Burt's effective size, unweighted (networkx effective_size): deg − 2·(ties among its partners)/deg, partners that are not redundant.",
  })
  effectiveSize!: number;

  @Field(() => Int, { description: 'Core number (networkx core_number): the largest k such that the actor is in the k-core.' })
  coreNumber!: number;
}

@ObjectType({
  description: "Shares of the window's ties in each tie class; they sum to 1 (all 0 without ties). Definitions in the README.",
})
export class TieMix {
  @Field(() => Float, { description: 'At least one end is a FOUNDATION.' })
  foundation!: number;

  @Field(() => Float, { description: 'No foundation; both ends belong to the same network (an intermediary and its schools).' })
  withinNetwork!: number;

  @Field(() => Float, { description: 'No foundation; both ends belong to a network, and they differ.' })
  crossNetwork!: number;

  @Field(() => Float, { description: 'Everything else: a support partner or an unaffiliated school at one end, no foundation.' })
  other!: number;
}

@ObjectType({ description: "One actor kind's part of the window's initiative." })
export class InitiativeShare {
  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => Int, {
    description: 'Counted interactions (those that produced at least one tie) whose recorded initiator is of this kind.',
  })
  interactions!: number;

  @Field(() => Float, { description: 'interactions / the counted interactions of the window; 0 when there are none.' })
  share!: number;
}

@ObjectType({ description: 'The main core: the k-core of the largest k (networkx k_core).' })
export class MainCore {
  @Field(() => Int, { description: 'The largest core number; 0 without ties.' })
  k!: number;

  @Field(() => Int, { description: 'Actors in the main core.' })
  size!: number;

  @Field(() => Float, { description: 'Density of the ties among them; 0 below two actors.' })
  density!: number;
}

@ObjectType({
  description:
    "How a window's betweenness (per actor, and so its betweenness centralization) was estimated: with probability at least 1 − delta, every actor's figure is within epsilon of the exact one.",
})
export class BetweennessEstimate {
  @Field(() => Float)
  epsilon!: number;

  @Field(() => Float)
  delta!: number;

  @Field(() => Int)
  seed!: number;

  @Field(() => Int, { description: 'Shortest paths sampled (r).' })
  sampleSize!: number;

  @Field(() => Int, { description: 'The vertex-diameter bound VD the sample size was computed from.' })
  vertexDiameter!: number;
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

  @Field(() => BetweennessEstimate, {
    nullable: true,
    description:
      'Set when betweenness is an estimate from sampled paths (the scope asked for approximateBetweenness and sampling searches fewer paths than there are actors); null when it is exact.',
  })
  betweennessEstimate!: BetweennessEstimate | null;

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

  @Field(() => Float, {
    description: 'Largest connected component once the hub is removed, / (n − 1): 1 means the network holds together without its hub.',
  })
  largestComponentWithoutHubFraction!: number;

  @Field(() => Float, { description: 'Modularity of the Louvain partition (fixed seed).' })
  modularity!: number;

  @Field(() => Int)
  communityCount!: number;

  @Field(() => TieMix, { description: "Shares of the window's ties by tie class." })
  tieMix!: TieMix;

  @Field(() => Float, { description: 'Share of ties between two different networks (tieMix.crossNetwork).' })
  crossNetworkTieShare!: number;

  @Field(() => Float, {
    description: 'Krackhardt–Stern E-I index over networks, in ties: (cross − within) / (cross + within); 0 when there are neither.',
  })
  eiIndex!: number;

  @Field(() => [InitiativeShare], { description: 'For each actor kind, the counted interactions its actors initiated, and their share.' })
  initiatedBy!: readonly InitiativeShare[];

  @Field(() => Float, { description: "The FOUNDATION's share of initiatedBy." })
  foundationInitiatedShare!: number;

  @Field(() => StageEnum, { description: 'The network-weaving stage (see NetworkStage).' })
  stage!: Stage;

  @Field(() => MainCore)
  mainCore!: MainCore;
}

@ObjectType({ description: 'Least-squares trend of a series, per step.' })
export class Trend {
  @Field(() => Float)
  betweennessCentralizationSlope!: number;

  @Field(() => Float)
  peerTieShareSlope!: number;

  @Field(() => Float)
  crossNetworkTieShareSlope!: number;

  @Field(() => Float, { description: 'Slope of tieMix.foundation (= −peerTieShareSlope).' })
  foundationTieShareSlope!: number;

  @Field(() => Float)
  foundationInitiatedShareSlope!: number;

  @Field(() => TrendVerdictEnum)
  verdict!: TrendVerdict;

  @Field({ description: 'One plain-English sentence for a report, naming the signals that moved.' })
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

  @Field(() => [TieChange], { description: "One per window after the first: how its ties differ from the previous window's." })
  tieChanges!: TieChange[];
}

@ObjectType({ description: "How a window's ties differ from the previous window's (ties are unordered actor pairs)." })
export class TieChange {
  @Field(() => Window)
  window!: Window;

  @Field(() => Int, { description: 'Ties of this window absent from the previous one.' })
  tiesGained!: number;

  @Field(() => Int, { description: 'Ties of the previous window absent from this one.' })
  tiesLost!: number;

  @Field(() => Float, { description: 'Ties present in both windows / ties of this window; 0 without ties.' })
  persistentTieShare!: number;

  @Field(() => Int, { description: 'Gained ties that are CROSS_NETWORK in this window.' })
  crossNetworkTiesGained!: number;

  @Field(() => Float, {
    description: 'Tie-set stability: |E(t) ∩ E(t−1)| / |E(t) ∪ E(t−1)| over unordered actor pairs; 0 when both windows have no ties.',
  })
  jaccard!: number;

  @Field(() => Int, {
    description: 'Tie-set change: |E(t) △ E(t−1)|, the pairs tied in one of the two windows only (tiesGained + tiesLost).',
  })
  hamming!: number;
}

@ObjectType({ description: 'An actor worth introducing to another: not tied to it in the window, but with partners in common.' })
export class Introduction {
  actorId!: string;

  @Field(() => Float, { description: 'Adamic–Adar index (networkx adamic_adar_index): Σ over common partners w of 1 / ln(deg w).' })
  score!: number;

  @Field(() => [ID], { description: 'The common partners, by id, sorted.' })
  via!: readonly string[];
}

export function toSnapshotType(snapshot: Snapshot, label: string | null, scope: ScopeInput): NetworkSnapshot {
  return {
    ...figuresOf(snapshot),
    betweennessEstimate: snapshot.betweennessEstimate ?? null,
    snapshot,
    scope,
    window: { ...snapshot.window, label },
  };
}
