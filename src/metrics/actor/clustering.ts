import { degreeAt, type GraphIndex } from '../graph-index';

/**
 * Local clustering coefficient (networkx clustering, unweighted):
 * c(v) = 2·t(v) / (deg(v)·(deg(v) − 1)), the share of pairs of v's partners that are tied
 * to each other, with t(v) the triangles through v (../triangles.ts); 0 when deg(v) < 2.
 */
export function clustering(index: GraphIndex, triangles: Float64Array): Float64Array {
  const out = new Float64Array(index.ids.length);
  for (let i = 0; i < out.length; i++) {
    const d = degreeAt(index, i);
    out[i] = d < 2 ? 0 : (2 * triangles[i]!) / (d * (d - 1));
  }
  return out;
}
