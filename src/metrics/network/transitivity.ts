import { degreeAt, type GraphIndex } from '../graph-index';

/**
 * transitivity (networkx transitivity, the global clustering coefficient):
 * 3 × triangles / connected triples = Σ_v t(v) / Σ_v deg(v)(deg(v) − 1)/2, the share of
 * two-step paths a–v–b whose ends are tied too. 0 when there is no two-step path.
 */
export function transitivity(index: GraphIndex, triangles: Float64Array): number {
  let closed = 0;
  let triples = 0;
  for (let i = 0; i < index.ids.length; i++) {
    const d = degreeAt(index, i);
    closed += triangles[i]!;
    triples += (d * (d - 1)) / 2;
  }
  return triples === 0 ? 0 : closed / triples;
}
