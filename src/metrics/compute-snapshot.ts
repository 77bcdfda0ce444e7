import type { TimeWindow } from '../domain/time-window';
import type { TieNetwork } from '../projection/tie-network';
import type { TieTable } from '../projection/project-network';
import { actorClasses, FOUNDATION_KIND, tieTableClasses, type ActorClasses } from './actor-classes';
import { clustering } from './actor/clustering';
import { communities, type LouvainGraph } from './actor/community';
import { louvainGraphView } from './actor/louvain-view';
import { constraint } from './actor/constraint';
import { coreNumber } from './actor/core-number';
import { effectiveSize } from './actor/effective-size';
import { degreeCentrality } from './actor/degree-centrality';
import { degrees } from './actor/degree';
import { eigenvectorCentrality } from './actor/eigenvector';
import { pagerank } from './actor/pagerank';
import { indexGraph, indexTies, type GraphIndex } from './graph-index';
import { actorCount } from './network/actor-count';
import { averageClustering } from './network/average-clustering';
import { betweennessCentralization } from './network/betweenness-centralization';
import { communityCount } from './network/community-count';
import { componentCount } from './network/component-count';
import { degreeCentralization } from './network/degree-centralization';
import { density } from './network/density';
import { eiIndex } from './network/ei-index';
import { foundationInitiatedShare, initiatedBy } from './network/initiative';
import { mainCore } from './network/main-core';
import { stage } from './network/stage';
import { tieClassCounts, tieMix } from './network/tie-mix';
import { hubIndex } from './network/hub';
import { hubTieShare } from './network/hub-tie-share';
import { largestComponentFraction } from './network/largest-component-fraction';
import { largestComponentWithoutHubFraction } from './network/largest-component-without-hub-fraction';
import { modularity } from './network/modularity';
import { peerTieShare } from './network/peer-tie-share';
import { tieCount } from './network/tie-count';
import { transitivity } from './network/transitivity';
import { pathCentralities, type PathCentralities } from './path-centralities';
import { columnSnapshot, type ActorMetricColumns, type NetworkFigures, type NetworkSnapshot, type SnapshotTies } from './snapshot';
import { triangleTallies } from './triangles';

/** What the projection counted of a window's interactions (see Projection). */
export interface InteractionCounts {
  /** Interactions that produced at least one tie. */
  readonly interactionCount: number;
  /** Of those, how many each actor kind initiated, in ACTOR_KINDS order. */
  readonly initiatedBy: readonly number[];
}

/** Which measures to take. */
export interface MeasureOptions {
  /**
   * The hub-and-spoke story's measures (tie mix, E-I index, constraint, effective size,
   * core number, main core, stage): default true. false leaves them 0 (stage
   * SCATTERED_FRAGMENTS), for the benchmark's comparison only.
   */
  readonly story?: boolean;
}

/**
 * Everything of a snapshot but what needs the path centralities: what a snapshot
 * measures on the graph itself. Once this is taken the graph is no longer needed, so a
 * caller waiting for path centralities from a worker pool can let it go meanwhile.
 */
export interface GraphMeasures {
  readonly figures: Omit<NetworkFigures, 'betweennessCentralization'> & { readonly window: TimeWindow };
  readonly columns: Omit<ActorMetricColumns, 'betweenness' | 'closeness'>;
  readonly ties: SnapshotTies;
}

/** What measureGraph reads of a window's network. */
export interface MeasuredNetwork {
  readonly index: GraphIndex;
  /** Each actor's kind and network. */
  readonly classes: ActorClasses;
  /** The graph Louvain runs on (see ./actor/louvain-view.ts). */
  readonly louvain: LouvainGraph;
}

/** A graphology tie network to measure (Louvain runs on the graph itself, in its insertion order). */
export function measuredNetwork(network: TieNetwork, index: GraphIndex = indexGraph(network)): MeasuredNetwork {
  return { index, classes: actorClasses(network, index), louvain: network };
}

/**
 * A projection's TieTable to measure, with no graphology graph: the same figures as
 * measuredNetwork(tieNetworkOf(table)), bit for bit (the table is in the canonical order
 * that graph is built in), at a fraction of the cost.
 */
export function measuredTies(table: TieTable): MeasuredNetwork {
  const index = indexTies(table);
  return { index, classes: tieTableClasses(table), louvain: louvainGraphView(index) };
}

/** A window's whole snapshot in this thread: both halves below (the service splits them around its worker threads). */
export function computeSnapshot(
  network: TieNetwork,
  window: TimeWindow,
  counts: InteractionCounts,
  index: GraphIndex = indexGraph(network),
  paths: PathCentralities = pathCentralities(index),
): NetworkSnapshot {
  return completeSnapshot(measureGraph(measuredNetwork(network, index), window, counts), paths);
}

/** First half of a snapshot (completeSnapshot is the second): every figure that does not need the path centralities. */
export function measureGraph(
  { index, classes, louvain }: MeasuredNetwork,
  window: TimeWindow,
  counts: InteractionCounts,
  options: MeasureOptions = {},
): GraphMeasures {
  const story = options.story ?? true;
  const n = index.ids.length;
  const degree = degrees(index);
  const degreeShare = degreeCentrality(index);
  const { triangles, corners } = triangleTallies(index, story);
  const localClustering = clustering(index, triangles);
  const eigenvector = eigenvectorCentrality(index);
  const rank = pagerank(index);
  const { membership } = communities(louvain, index);
  const hub = hubIndex(index);
  const isFoundation = (i: number): boolean => classes.kinds[i] === FOUNDATION_KIND;
  const cores = story ? coreNumber(index) : new Int32Array(n);
  const core = story ? mainCore(index, cores) : { k: 0, size: 0, density: 0 };
  const classCounts = story ? tieClassCounts(index, classes) : { foundation: 0, withinNetwork: 0, crossNetwork: 0, other: 0 };
  const mix = tieMix(classCounts);
  const initiative = initiatedBy(counts.initiatedBy);
  const figures = {
    window: { from: new Date(window.from.getTime()), to: new Date(window.to.getTime()) },
    actorCount: actorCount(index),
    tieCount: tieCount(index),
    interactionCount: counts.interactionCount,
    density: density(index),
    degreeCentralization: degreeCentralization(degree),
    averageClustering: averageClustering(localClustering),
    transitivity: transitivity(index, triangles),
    componentCount: componentCount(index),
    largestComponentFraction: largestComponentFraction(index),
    hubId: hub < 0 ? null : index.ids[hub]!,
    hubTieShare: hubTieShare(index, hub),
    peerTieShare: peerTieShare(index, isFoundation),
    largestComponentWithoutHubFraction: largestComponentWithoutHubFraction(index, hub),
    modularity: modularity(index, membership),
    communityCount: communityCount(membership),
    tieMix: mix,
    crossNetworkTieShare: mix.crossNetwork,
    eiIndex: eiIndex(classCounts),
    initiatedBy: initiative,
    foundationInitiatedShare: foundationInitiatedShare(initiative),
    mainCore: core,
  };
  return {
    figures: { ...figures, stage: story ? stage(figures) : 'SCATTERED_FRAGMENTS' },
    columns: {
      ids: index.ids,
      degree,
      degreeCentrality: degreeShare,
      eigenvector,
      pagerank: rank,
      clustering: localClustering,
      community: membership,
      constraint: story ? constraint(index, corners!) : new Float64Array(n),
      effectiveSize: story ? effectiveSize(index, triangles) : new Float64Array(n),
      coreNumber: cores,
    },
    ties: { offsets: index.offsets, neighbors: index.neighbors, kinds: classes.kinds, networks: classes.networks },
  };
}

/** Second half of a snapshot: adds the path centralities to what measureGraph took. */
export function completeSnapshot({ figures, columns, ties }: GraphMeasures, paths: PathCentralities): NetworkSnapshot {
  const { betweenness, closeness } = paths;
  const n = columns.ids.length;
  if (betweenness.length !== n || closeness.length !== n) {
    throw new Error(`completeSnapshot: path centralities for ${betweenness.length} actors, network has ${n}`);
  }
  const { window, ...rest } = figures;
  return columnSnapshot(
    {
      window,
      actorCount: rest.actorCount,
      tieCount: rest.tieCount,
      interactionCount: rest.interactionCount,
      density: rest.density,
      degreeCentralization: rest.degreeCentralization,
      betweennessCentralization: betweennessCentralization(betweenness),
      averageClustering: rest.averageClustering,
      transitivity: rest.transitivity,
      componentCount: rest.componentCount,
      largestComponentFraction: rest.largestComponentFraction,
      hubId: rest.hubId,
      hubTieShare: rest.hubTieShare,
      peerTieShare: rest.peerTieShare,
      largestComponentWithoutHubFraction: rest.largestComponentWithoutHubFraction,
      modularity: rest.modularity,
      communityCount: rest.communityCount,
      tieMix: rest.tieMix,
      crossNetworkTieShare: rest.crossNetworkTieShare,
      eiIndex: rest.eiIndex,
      initiatedBy: rest.initiatedBy,
      foundationInitiatedShare: rest.foundationInitiatedShare,
      stage: rest.stage,
      mainCore: rest.mainCore,
    },
    { ...columns, betweenness, closeness },
    ties,
    paths.betweennessEstimate ?? null,
  );
}
