import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Csr } from './kernel';

/**
 * Betweenness estimated from sampled shortest paths (M. Riondato, E. M. Kornaropoulos,
 * "Fast approximation of betweenness centrality through sampling", Data Mining and
 * Knowledge Discovery 30, 2016): r paths, each drawn by picking an ordered pair u ≠ v
 * uniformly and then one of the σ_uv shortest u–v paths uniformly; every inner node of a
 * drawn path gains 1/r. With
 *   r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5,
 * VD an upper bound on the vertex diameter (most nodes on a shortest path), every node's
 * estimate is within ε of its betweenness b(v) = Σ_{s≠t} σ_st(v)/σ_st / (n(n − 1)) at
 * once, with probability at least 1 − δ.
 *
 * The exact figures are networkx's normalized betweenness, the same sum over
 * (n − 1)(n − 2): n/(n − 2) times b(v). So the estimate is scaled by n/(n − 2) and sampled
 * for ε·(n − 2)/n, which keeps the guarantee, ε with probability 1 − δ, on the exact
 * figures' scale.
 */
export interface BetweennessSampling {
  /** Largest error allowed on any actor's normalized betweenness: 0 < ε < 1. */
  readonly epsilon: number;
  /** Probability allowed that some actor's error exceeds ε: 0 < δ < 1. */
  readonly delta: number;
  /** Seed of the xoroshiro128+ generator: the same seed and graph give the same estimate. */
  readonly seed: number;
}

/** How an estimate was drawn (what the answer reports with it). */
export interface BetweennessEstimate extends BetweennessSampling {
  /** Shortest paths sampled (r). */
  readonly sampleSize: number;
  /** The vertex-diameter bound VD the sample size was computed from. */
  readonly vertexDiameter: number;
}

/** The Riondato–Kornaropoulos constant c (the paper's value, 0.5). */
export const SAMPLING_CONSTANT = 0.5;

/**
 * An upper bound on the vertex diameter: per connected component, a breadth-first search
 * from one node finds its eccentricity e, so no shortest path there is longer than 2e edges
 * (2e + 1 nodes) nor holds more nodes than the component; the largest over components.
 * 0 for a graph without nodes.
 */
export function vertexDiameterBound(csr: Pick<Csr, 'offsets' | 'neighbors'>): number {
  const { offsets, neighbors } = csr;
  const n = offsets.length - 1;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let bound = 0;
  for (let root = 0; root < n; root++) {
    if (dist[root]! >= 0) continue;
    dist[root] = 0;
    queue[0] = root;
    let tail = 1;
    let eccentricity = 0;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      const next = dist[v]! + 1;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = neighbors[j]!;
        if (dist[w]! < 0) {
          dist[w] = next;
          eccentricity = next;
          queue[tail++] = w;
        }
      }
    }
    bound = Math.max(bound, Math.min(2 * eccentricity + 1, tail));
  }
  return bound;
}

/**
 * r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉; below VD = 3 no shortest path has an inner
 * node, so every betweenness is 0 and no sample is needed.
 */
export function sampleSize(epsilon: number, delta: number, vertexDiameter: number): number {
  if (vertexDiameter < 3) return 0;
  return Math.ceil((SAMPLING_CONSTANT / (epsilon * epsilon)) * (Math.floor(Math.log2(vertexDiameter - 2)) + 1 + Math.log(1 / delta)));
}

/**
 * The sample size for a graph of n nodes with vertex-diameter bound VD, on the exact
 * figures' scale (ε·(n − 2)/n for the paper's b(v), see BetweennessSampling).
 */
export function graphSampleSize(sampling: Pick<BetweennessSampling, 'epsilon' | 'delta'>, n: number, vertexDiameter: number): number {
  if (n <= 2) return 0;
  return sampleSize((sampling.epsilon * (n - 2)) / n, sampling.delta, vertexDiameter);
}

/**
 * The estimate of every node's normalized betweenness (indexed like the CSR), from r
 * sampled paths. A pair in two components has no path: it counts as a sample adding
 * nothing, as in the paper. Each sample's search stops once v leaves the queue: by then
 * every node nearer u than v has its final σ, and so has v.
 */
export function sampledBetweenness(
  csr: Pick<Csr, 'offsets' | 'neighbors'>,
  sampling: BetweennessSampling,
): { readonly betweenness: Float64Array; readonly estimate: BetweennessEstimate } {
  const { offsets, neighbors } = csr;
  const n = offsets.length - 1;
  const vertexDiameter = vertexDiameterBound(csr);
  const r = graphSampleSize(sampling, n, vertexDiameter);
  const betweenness = new Float64Array(n);
  const estimate = { ...sampling, sampleSize: r, vertexDiameter };
  if (r === 0) return { betweenness, estimate };

  const component = components(csr);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const queue = new Int32Array(n);
  const hits = new Float64Array(n);
  const rng = xoroshiro128plus(sampling.seed);
  for (let sample = 0; sample < r; sample++) {
    const u = uniformInt(rng, 0, n - 1);
    let v = uniformInt(rng, 0, n - 2);
    if (v >= u) v += 1;
    if (component[u] !== component[v]) continue;
    dist[u] = 0;
    sigma[u] = 1;
    queue[0] = u;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const x = queue[head]!;
      if (x === v) break;
      const next = dist[x]! + 1;
      const sx = sigma[x]!;
      for (let j = offsets[x]!; j < offsets[x + 1]!; j++) {
        const w = neighbors[j]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = next;
          sigma[w] = sx;
          queue[tail++] = w;
        } else if (dw === next) {
          sigma[w] = sigma[w]! + sx;
        }
      }
    }
    // Walk back from v, choosing each predecessor w with probability σ(w)/σ(z): a uniform shortest path.
    for (let z = v; ;) {
      const before = dist[z]! - 1;
      const pick = uniformFloat64(rng) * sigma[z]!;
      let chosen = -1;
      let sum = 0;
      for (let j = offsets[z]!; j < offsets[z + 1]!; j++) {
        const w = neighbors[j]!;
        if (dist[w] !== before) continue;
        chosen = w;
        sum += sigma[w]!;
        if (pick < sum) break;
      }
      if (chosen === u) break;
      hits[chosen] = hits[chosen]! + 1;
      z = chosen;
    }
    for (let k = 0; k < tail; k++) dist[queue[k]!] = -1;
  }
  const scale = n / (n - 2) / r;
  for (let i = 0; i < n; i++) betweenness[i] = hits[i]! * scale;
  return { betweenness, estimate };
}

/** Each node's connected component number. */
function components(csr: Pick<Csr, 'offsets' | 'neighbors'>): Int32Array {
  const { offsets, neighbors } = csr;
  const n = offsets.length - 1;
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (component[root]! >= 0) continue;
    component[root] = count;
    queue[0] = root;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = neighbors[j]!;
        if (component[w]! < 0) {
          component[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count += 1;
  }
  return component;
}
