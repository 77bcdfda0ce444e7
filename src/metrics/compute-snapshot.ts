import type { ActorKind } from '../domain/actor';
import type { TimeWindow } from '../domain/time-window';
import type { TieNetwork } from '../projection/tie-network';
import { clustering } from './actor/clustering';
import { communities } from './actor/community';
import { degreeCentrality } from './actor/degree-centrality';
import { degrees } from './actor/degree';
import { eigenvectorCentrality } from './actor/eigenvector';
import { pagerank } from './actor/pagerank';
import { indexGraph, type GraphIndex } from './graph-index';
import { actorCount } from './network/actor-count';
import { averageClustering } from './network/average-clustering';
import { betweennessCentralization } from './network/betweenness-centralization';
import { communityCount } from './network/community-count';
import { componentCount } from './network/component-count';
import { degreeCentralization } from './network/degree-centralization';
import { density } from './network/density';
import { hubIndex } from './network/hub';
import { hubTieShare } from './network/hub-tie-share';
import { largestComponentFraction } from './network/largest-component-fraction';
import { largestComponentWithoutHubFraction } from './network/largest-component-without-hub-fraction';
import { modularity } from './network/modularity';
import { peerTieShare } from './network/peer-tie-share';
import { tieCount } from './network/tie-count';
import { transitivity } from './network/transitivity';
import { pathCentralities, type PathCentralities } from './path-centralities';
import { columnSnapshot, type ActorMetricColumns, type NetworkFigures, type NetworkSnapshot } from './snapshot';
import { triangleCounts } from './triangles';

const FOUNDATION: ActorKind = 'FOUNDATION';

/**
 * Every network figure and every per-actor metric of one window's tie network.
 *
 * `interactionCount` comes from the projection (interactions that produced a tie).
 * `paths` are the betweenness and closeness of the network's actors in id order, when
 * computed elsewhere (a worker pool); without them they are computed here. `index` may be
 * passed when the caller already built it for the same network.
 */
export function computeSnapshot(
  network: TieNetwork,
  window: TimeWindow,
  interactionCount: number,
  paths?: PathCentralities,
  index: GraphIndex = indexGraph(network),
): NetworkSnapshot {
  return completeSnapshot(measureGraph(network, window, interactionCount, index), paths ?? pathCentralities(index));
}

/**
 * Everything of a snapshot but what needs the path centralities: what computeSnapshot
 * measures on the graph itself. Once this is taken the graph is no longer needed, so a
 * caller waiting for path centralities from a worker pool can let it go meanwhile.
 */
export interface GraphMeasures {
  readonly figures: Omit<NetworkFigures, 'betweennessCentralization'> & { readonly window: TimeWindow };
  readonly columns: Omit<ActorMetricColumns, 'betweenness' | 'closeness'>;
}

/** First half of computeSnapshot: every figure that does not need the path centralities. */
export function measureGraph(network: TieNetwork, window: TimeWindow, interactionCount: number, index: GraphIndex): GraphMeasures {
  const degree = degrees(index);
  const degreeShare = degreeCentrality(index);
  const triangles = triangleCounts(index);
  const localClustering = clustering(index, triangles);
  const eigenvector = eigenvectorCentrality(index);
  const rank = pagerank(network, index);
  const { membership } = communities(network, index);
  const hub = hubIndex(index);
  const isFoundation = (i: number): boolean => network.getNodeAttribute(index.ids[i]!, 'kind') === FOUNDATION;
  return {
    figures: {
      window: { from: new Date(window.from.getTime()), to: new Date(window.to.getTime()) },
      actorCount: actorCount(index),
      tieCount: tieCount(index),
      interactionCount,
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
      modularity: modularity(network, index, membership),
      communityCount: communityCount(membership),
    },
    columns: {
      ids: index.ids,
      degree,
      degreeCentrality: degreeShare,
      eigenvector,
      pagerank: rank,
      clustering: localClustering,
      community: membership,
    },
  };
}

/** Second half of computeSnapshot: adds the path centralities to what measureGraph took. */
export function completeSnapshot({ figures, columns }: GraphMeasures, paths: PathCentralities): NetworkSnapshot {
  const { betweenness, closeness } = paths;
  const n = columns.ids.length;
  if (betweenness.length !== n || closeness.length !== n) {
    throw new Error(`computeSnapshot: path centralities for ${betweenness.length} actors, network has ${n}`);
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
    },
    { ...columns, betweenness, closeness },
  );
}
