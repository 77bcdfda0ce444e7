import { degreeAt, type GraphIndex } from '../graph-index';

/**
 * Burt's effective size, unweighted (networkx `effective_size(G)`, Borgatti's
 * simplification for undirected unweighted graphs): the number of an actor's partners
 * minus their redundancy, e(v) = deg(v) − 2·t(v) / deg(v), with t(v) the ties among its
 * partners (the triangles through v, ../triangles.ts). The centre of a star of k has k; a
 * member of a clique of k + 1 has 1. networkx gives NaN to an actor without ties; copnet
 * gives 0 (a tie network has no such actor).
 */
export function effectiveSize(index: GraphIndex, triangles: Float64Array): Float64Array {
  const out = new Float64Array(index.ids.length);
  for (let i = 0; i < out.length; i++) {
    const d = degreeAt(index, i);
    out[i] = d === 0 ? 0 : d - (2 * triangles[i]!) / d;
  }
  return out;
}
