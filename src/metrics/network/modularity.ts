import type { GraphIndex } from '../graph-index';

/**
 * modularity (Newman 2006), of a given partition on the unweighted graph, resolution 1:
 * Q = Σ_c [ L_c/m − (D_c/2m)² ], with L_c the ties inside community c and D_c the sum of
 * its degrees; the same as networkx.community.modularity. `membership` numbers the
 * communities 0, 1, ... (as ../actor/community.ts does); the sum runs over them in that
 * order, the order graphology-metrics' modularity (getEdgeWeight: null) used, whose figures
 * these are bit for bit (its counts are whole numbers, so their order does not matter).
 * The snapshot passes the Louvain partition. 0 without ties (networkx divides by zero there).
 */
export function modularity(index: GraphIndex, membership: ArrayLike<number>): number {
  if (index.size === 0) return 0;
  const { offsets, neighbors } = index;
  const n = index.ids.length;
  let count = 0;
  for (let i = 0; i < n; i++) count = Math.max(count, membership[i]! + 1);
  const total = new Float64Array(count); // D_c
  const internal = new Float64Array(count); // 2·L_c
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    total[c]! += offsets[i + 1]! - offsets[i]!;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) if (membership[neighbors[j]!] === c) internal[c]! += 1;
  }
  const m2 = 2 * index.size;
  let q = 0;
  for (let c = 0; c < count; c++) q += internal[c]! / m2 - Math.pow(total[c]! / m2, 2);
  return q;
}
