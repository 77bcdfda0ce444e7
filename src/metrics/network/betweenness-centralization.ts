/**
 * betweennessCentralization, Freeman's on normalized betweenness (Freeman 1979):
 * Σ_v (max b − b(v)) / (n − 1), with b normalized to [0, 1] (../path-centralities.ts).
 * 1 for a star, where every path between two others runs through the hub; 0 when every
 * actor brokers equally (a ring, a complete graph). 0 when n ≤ 2.
 */
export function betweennessCentralization(betweenness: ArrayLike<number>): number {
  const n = betweenness.length;
  if (n <= 2) return 0;
  let max = 0;
  for (let i = 0; i < n; i++) if (betweenness[i]! > max) max = betweenness[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += max - betweenness[i]!;
  return sum / (n - 1);
}
