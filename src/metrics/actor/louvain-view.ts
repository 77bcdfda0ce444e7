import type { GraphIndex } from '../graph-index';

/**
 * The part of a graphology graph that graphology-communities-louvain reads (its type
 * checks, `forEachNode`, `undirectedDegreeWithoutSelfLoops` and `forEachEdge`, with
 * getEdgeWeight null), over a GraphIndex, so a window's communities need no graphology graph.
 *
 * It lists nodes in index order and each tie once, as (i, j) with i < j, in (i, j) order:
 * exactly what the projection's canonical graph gives (nodes inserted in id order, edges
 * in (lo, hi) order with lo as source), so Louvain takes the same steps and finds the same
 * partition. A graph built in another order may give another (equally valid) partition;
 * computeSnapshot on a graphology graph runs Louvain on that graph itself.
 */
export interface LouvainGraphView {
  readonly type: 'undirected';
  readonly multi: false;
  readonly order: number;
  readonly size: number;
  readonly selfLoopCount: 0;
  forEachNode(callback: (node: string, attributes: Record<string, never>) => void): void;
  undirectedDegreeWithoutSelfLoops(node: string): number;
  forEachEdge(
    callback: (
      edge: string,
      attributes: Record<string, never>,
      source: string,
      target: string,
      sa: object,
      ta: object,
      undirected: true,
    ) => void,
  ): void;
  /** graphology-utils' isGraph looks for these two. */
  addUndirectedEdgeWithKey(): never;
  dropNode(): never;
}

const NO_ATTRIBUTES: Record<string, never> = Object.freeze({});

export function louvainGraphView(index: GraphIndex): LouvainGraphView {
  const { ids, offsets, neighbors, position } = index;
  const readOnly = (): never => {
    throw new Error('louvainGraphView is read-only');
  };
  return {
    type: 'undirected',
    multi: false,
    order: ids.length,
    size: index.size,
    selfLoopCount: 0,
    forEachNode(callback) {
      for (const id of ids) callback(id, NO_ATTRIBUTES);
    },
    undirectedDegreeWithoutSelfLoops(node) {
      const i = position.get(node)!;
      return offsets[i + 1]! - offsets[i]!;
    },
    forEachEdge(callback) {
      let edge = 0;
      for (let i = 0; i < ids.length; i++) {
        const end = offsets[i + 1]!;
        for (let j = offsets[i]!; j < end; j++) {
          const k = neighbors[j]!;
          if (k > i) callback(`e${edge++}`, NO_ATTRIBUTES, ids[i]!, ids[k]!, NO_ATTRIBUTES, NO_ATTRIBUTES, true);
        }
      }
    },
    addUndirectedEdgeWithKey: readOnly,
    dropNode: readOnly,
  };
}
