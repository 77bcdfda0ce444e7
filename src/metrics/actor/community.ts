import louvain from 'graphology-communities-louvain';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Attributes } from 'graphology-types';
import type Graph from 'graphology-types';
import type { GraphIndex } from '../graph-index';
import type { LouvainGraphView } from './louvain-view';

/** A graph Louvain can run on: a graphology graph, or the view of an index. */
export type LouvainGraph = Graph | LouvainGraphView;

/** The fixed seed of every Louvain run, so a window's communities repeat. */
export const LOUVAIN_SEED = 20181001;

export interface Communities {
  /** Community of each node (index order), numbered 0, 1, ... by first appearance in id order. */
  readonly membership: Int32Array;
  readonly count: number;
}

/**
 * Communities by the Louvain method (Blondel et al., "Fast unfolding of communities in
 * large networks", 2008) through graphology-communities-louvain, on the unweighted graph
 * (getEdgeWeight: null), resolution 1, with its random walk driven by a xoroshiro128+
 * generator seeded with LOUVAIN_SEED afresh on every call: the same graph (the projection
 * builds it in canonical order) always gives the same partition. Community numbers are
 * renumbered so the community of the smallest actor id is 0, the next new one 1, and so on.
 *
 * Louvain implementations differ, so partitions are not compared with networkx's; their
 * modularity is (../network/modularity.ts). A graph without ties gives each actor its own
 * community.
 */
export function communities<N extends Attributes, E extends Attributes>(
  graph: Graph<N, E> | LouvainGraphView,
  index: GraphIndex,
): Communities {
  const n = index.ids.length;
  const membership = new Int32Array(n);
  if (n === 0) return { membership, count: 0 };
  const rng = xoroshiro128plus(LOUVAIN_SEED);
  // the view has every member louvain reads (./louvain-view.ts): a library edge
  const raw = louvain(graph as Graph<N, E>, { getEdgeWeight: null, rng: () => uniformFloat64(rng) });
  const renumbered = new Map<number, number>();
  index.ids.forEach((id, i) => {
    const community = raw[id]!;
    let number = renumbered.get(community);
    if (number === undefined) {
      number = renumbered.size;
      renumbered.set(community, number);
    }
    membership[i] = number;
  });
  return { membership, count: renumbered.size };
}
