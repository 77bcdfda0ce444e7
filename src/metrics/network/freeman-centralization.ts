/**
 * Freeman's centralization (Freeman 1979, "Centrality in social networks"): the spread
 * Σ_v (max c − c(v)) of a centrality c over the n actors, divided by `maxSpread(n)`, the
 * largest spread that centrality can have on n actors (the star's). 0 when n ≤ 2.
 */
export function freemanCentralization(values: ArrayLike<number>, maxSpread: (n: number) => number): number {
  const n = values.length;
  if (n <= 2) return 0;
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += max - values[i]!;
  return sum / maxSpread(n);
}
