import { freemanCentralization } from './freeman-centralization';

/**
 * betweennessCentralization, Freeman's on normalized betweenness (Freeman 1979):
 * Σ_v (max b − b(v)) / (n − 1), with b normalized to [0, 1] (../path-centralities.ts).
 * 1 for a star, where every path between two others runs through the hub; 0 when every
 * actor brokers equally (a ring, a complete graph). 0 when n ≤ 2.
 */
export function betweennessCentralization(betweenness: ArrayLike<number>): number {
  return freemanCentralization(betweenness, (n) => n - 1);
}
