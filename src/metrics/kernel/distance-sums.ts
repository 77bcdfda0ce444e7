/**
 * The weighted kernel's closeness half alone: for every source s of the (folded) core, a
 * plain breadth-first search filling reached[s] = Σ w(t) and distances[s] = Σ w(t)·d(s, t)
 * over the other core nodes t it reaches (as accumulateWeightedBrandes does), without
 * path counts or the backward pass. Sampled betweenness uses it so that closeness stays
 * exact at the cost of the searches alone.
 */
export function accumulateDistanceSums(
  offsets: Int32Array,
  neighbors: Int32Array,
  weights: Float64Array,
  reached: Float64Array,
  distances: Float64Array,
): void {
  const n = offsets.length - 1;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    dist[s] = 0;
    queue[0] = s;
    let tail = 1;
    let weight = 0;
    let total = 0;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      const next = dist[v]! + 1;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = neighbors[j]!;
        if (dist[w]! < 0) {
          dist[w] = next;
          queue[tail++] = w;
          weight += weights[w]!;
          total += next * weights[w]!;
        }
      }
    }
    reached[s] = weight;
    distances[s] = total;
    for (let k = 0; k < tail; k++) dist[queue[k]!] = -1;
  }
}
