import { ACTOR_KINDS } from '../../src/domain/actor';
import type { TimeWindow } from '../../src/domain/time-window';
import { computeSnapshot as computeInThisThread, type InteractionCounts } from '../../src/metrics/compute-snapshot';
import { indexGraph, type GraphIndex } from '../../src/metrics/graph-index';
import type { PathCentralities } from '../../src/metrics/path-centralities';
import type { NetworkSnapshot } from '../../src/metrics/snapshot';
import type { TieNetwork } from '../../src/projection/tie-network';

// src's computeSnapshot with the tests' conveniences: a bare interaction count, paths before index.
/**
 * Every network figure and every per-actor metric of one window's tie network.
 *
 * `counts` come from the projection (interactions that produced a tie, and who initiated
 * them); a bare number is the interaction count with no initiator known (every
 * initiatedBy entry 0), for tests.
 * `paths` are the betweenness and closeness of the network's actors in id order, when
 * computed elsewhere (a worker pool); without them they are computed here. `index` may be
 * passed when the caller already built it for the same network.
 */
export function computeSnapshot(
  network: TieNetwork,
  window: TimeWindow,
  counts: number | InteractionCounts,
  paths?: PathCentralities,
  index: GraphIndex = indexGraph(network),
): NetworkSnapshot {
  const interactionCounts = typeof counts === 'number' ? { interactionCount: counts, initiatedBy: ACTOR_KINDS.map(() => 0) } : counts;
  return computeInThisThread(network, window, interactionCounts, index, paths);
}
