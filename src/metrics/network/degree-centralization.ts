import { freemanCentralization } from './freeman-centralization';

/**
 * degreeCentralization, Freeman's (Freeman 1979, "Centrality in social networks"):
 * Σ_v (max degree − deg(v)) / ((n − 1)(n − 2)), how far the network is from equal degrees
 * relative to the most centralized graph of its size, the star (1); a ring or a complete
 * graph is 0. 0 when n ≤ 2 (no graph of that size can be centralized).
 */
export function degreeCentralization(degrees: ArrayLike<number>): number {
  return freemanCentralization(degrees, (n) => (n - 1) * (n - 2));
}
