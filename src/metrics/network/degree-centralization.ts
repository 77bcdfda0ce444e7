/**
 * degreeCentralization, Freeman's (Freeman 1979, "Centrality in social networks"):
 * Σ_v (max degree − deg(v)) / ((n − 1)(n − 2)), how far the network is from equal degrees
 * relative to the most centralized graph of its size, the star (1); a ring or a complete
 * graph is 0. 0 when n ≤ 2 (no graph of that size can be centralized).
 */
export function degreeCentralization(degrees: ArrayLike<number>): number {
  const n = degrees.length;
  if (n <= 2) return 0;
  let max = 0;
  for (let i = 0; i < n; i++) if (degrees[i]! > max) max = degrees[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += max - degrees[i]!;
  return sum / ((n - 1) * (n - 2));
}
