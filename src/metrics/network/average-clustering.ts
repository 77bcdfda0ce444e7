/**
 * averageClustering (networkx average_clustering): the mean of the local clustering
 * coefficients (../actor/clustering.ts) over all actors, actors with fewer than two ties
 * counted as 0. 0 for an empty network (networkx divides by zero there).
 */
export function averageClustering(clustering: ArrayLike<number>): number {
  if (clustering.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < clustering.length; i++) sum += clustering[i]!;
  return sum / clustering.length;
}
