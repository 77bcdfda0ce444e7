import { degreeAt, type GraphIndex } from '../graph-index';

/**
 * Degree centrality (networkx degree_centrality): degree(v) / (n − 1), the share of the
 * other actors v is tied to. A one-node graph gives 1, as networkx does.
 */
export function degreeCentrality(index: GraphIndex): Float64Array {
  const n = index.ids.length;
  const out = new Float64Array(n);
  if (n === 1) out[0] = 1;
  for (let i = 0; n > 1 && i < n; i++) out[i] = degreeAt(index, i) / (n - 1);
  return out;
}
