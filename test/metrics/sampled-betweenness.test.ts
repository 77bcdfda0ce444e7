import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import { brandesSync, closenessSync, csrFromEdges, toCsr, type Csr } from '../../src/metrics/kernel';
import { indexGraph } from '../../src/metrics/graph-index';
import { sampledPathCentralities } from '../../src/metrics/path-centralities';
import {
  graphSampleSize,
  sampleSize,
  sampledBetweenness,
  vertexDiameterBound,
  type BetweennessSampling,
} from '../../src/metrics/sampled-betweenness';
import { generateInteractionLog, LOG_SHAPE } from '../../scripts/bench-metrics/interaction-log';
import { disjointUnion, erdosRenyi, preferentialAttachment, rngFor, withTrees } from './kernel/random-graphs';

interface ReferenceFixture {
  nodes: string[];
  edges: Array<[string, string]>;
}

function fixtureGraph(path: string): UndirectedGraph {
  const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', path), 'utf8')) as ReferenceFixture;
  const graph = new UndirectedGraph();
  fixture.nodes.forEach((node) => graph.addNode(node));
  fixture.edges.forEach(([a, b]) => graph.mergeEdge(a, b));
  return graph;
}

/**
 * One 13-week window shaped like bench:metrics' (its generator, a fifth of its actors and
 * interactions): each interaction ties its initiator to its participants, and participants of
 * interactions of at most 8 to each other (the default co-participation limit).
 */
function benchWindow(): UndirectedGraph {
  const { interactions } = generateInteractionLog({ ...LOG_SHAPE, actors: 1000, intermediaries: 30, interactions: 10_000, weeks: 13 });
  const graph = new UndirectedGraph();
  for (const { initiatorId, participantIds } of interactions) {
    const members = [initiatorId, ...participantIds];
    for (const p of participantIds) graph.mergeEdge(initiatorId, p);
    if (members.length <= 9)
      for (let i = 1; i < members.length; i++) for (let j = i + 1; j < members.length; j++) graph.mergeEdge(members[i]!, members[j]!);
  }
  return graph;
}

function maxError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  return worst;
}

const SAMPLING: BetweennessSampling = { epsilon: 0.05, delta: 0.1, seed: 7 };

describe('sample size (Riondato–Kornaropoulos, c = 0.5)', () => {
  it('is ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉', () => {
    // VD = 10: ⌊log₂ 8⌋ + 1 = 4; ln 10 = 2.302585…; 0.5/0.0025 = 200 → ⌈200 × 6.302585⌉ = 1261
    expect(sampleSize(0.05, 0.1, 10)).toBe(1261);
    // VD = 3: ⌊log₂ 1⌋ + 1 = 1; ln 2 = 0.693147…; 0.5/0.01 = 50 → ⌈50 × 1.693147⌉ = 85
    expect(sampleSize(0.1, 0.5, 3)).toBe(85);
    expect(sampleSize(0.1, 0.5, 2)).toBe(0);
  });

  it('samples for ε(n − 2)/n so that the bound holds on the normalized (networkx) scale', () => {
    // n = 12: ε' = 0.05 × 10/12; 0.5/ε'² = 288 → ⌈288 × 6.302585⌉ = 1816
    expect(graphSampleSize({ epsilon: 0.05, delta: 0.1 }, 12, 10)).toBe(1816);
    expect(graphSampleSize({ epsilon: 0.05, delta: 0.1 }, 2, 10)).toBe(0);
  });

  it('bounds the vertex diameter by 2 × one eccentricity + 1 per component, at most its size', () => {
    const path = (n: number, first: number): Array<[number, number]> => Array.from({ length: n - 1 }, (_, i) => [first + i, first + i + 1]);
    // a path of 5 nodes searched from its end (eccentricity 4 → 9, capped at 5), a path of 3, an isolated node
    const edges = [...path(5, 0), ...path(3, 5)];
    const csr = csrFromEdges(
      Array.from({ length: 9 }, (_, i) => `n${i}`),
      Int32Array.from(edges, ([a]) => a),
      Int32Array.from(edges, ([, b]) => b),
    );
    expect(vertexDiameterBound(csr)).toBe(5);
    // grid 20 × 20 searched from a corner: eccentricity 38 → 77
    expect(vertexDiameterBound(toCsr(fixtureGraph('path-metrics/grid-20.json')))).toBe(77);
    expect(vertexDiameterBound(csrFromEdges([], new Int32Array(0), new Int32Array(0)))).toBe(0);
  });
});

describe('sampled betweenness', () => {
  const cases: Array<[string, () => Csr, BetweennessSampling]> = [
    ['karate club', () => toCsr(fixtureGraph('reference/karate.json')), SAMPLING],
    ['grid 20 × 20', () => toCsr(fixtureGraph('path-metrics/grid-20.json')), SAMPLING],
    ['a bench-shaped window', () => toCsr(benchWindow()), { epsilon: 0.02, delta: 0.1, seed: 3 }],
    [
      'disconnected: trees off a preferential-attachment core, a G(n, p), isolated nodes',
      () =>
        toCsr(
          disjointUnion([
            withTrees(rngFor(21), preferentialAttachment(rngFor(22), 150, 2), 100),
            erdosRenyi(rngFor(23), 40, 0.1, 'er'),
            erdosRenyi(rngFor(24), 5, 0, 'iso'),
          ]),
        ),
      SAMPLING,
    ],
  ];

  it.each(cases)('is within ε of the exact figures with a fixed seed: %s', (_name, build, sampling) => {
    const csr = build();
    const exact = brandesSync(csr);
    const { betweenness, estimate } = sampledBetweenness(csr, sampling);
    expect(estimate.sampleSize).toBe(graphSampleSize(sampling, csr.ids.length, vertexDiameterBound(csr)));
    expect(estimate.sampleSize).toBeGreaterThan(0);
    expect(maxError(betweenness, exact.betweenness)).toBeLessThanOrEqual(sampling.epsilon);
    // not the exact figures themselves: an estimate
    expect(maxError(betweenness, exact.betweenness)).toBeGreaterThan(0);
  });

  it('gives the same estimate for the same seed and another for another seed', () => {
    const csr = toCsr(fixtureGraph('reference/karate.json'));
    const first = sampledBetweenness(csr, SAMPLING).betweenness;
    expect(sampledBetweenness(csr, SAMPLING).betweenness).toEqual(first);
    expect(sampledBetweenness(csr, { ...SAMPLING, seed: 8 }).betweenness).not.toEqual(first);
  });

  it('finds no inner node where no shortest path has one (VD < 3), and nothing to do with n ≤ 2', () => {
    const star = csrFromEdges(['a', 'b'], Int32Array.of(0), Int32Array.of(1));
    expect(sampledBetweenness(star, SAMPLING)).toEqual({
      betweenness: new Float64Array(2),
      estimate: { ...SAMPLING, sampleSize: 0, vertexDiameter: 2 },
    });
    const edges = csrFromEdges(['a', 'b', 'c', 'd'], Int32Array.of(0, 2), Int32Array.of(1, 3));
    expect(sampledBetweenness(edges, SAMPLING).estimate.sampleSize).toBe(0);
  });

  it('puts every sample on the middle of a path of 3 (the only inner node)', () => {
    const csr = csrFromEdges(['a', 'b', 'c'], Int32Array.of(0, 1), Int32Array.of(1, 2));
    const { betweenness, estimate } = sampledBetweenness(csr, { epsilon: 0.1, delta: 0.1, seed: 1 });
    // exact b = 1 (both ordered pairs a–c of 6 cross b, × 3/1): an estimate of hits·3/r within 0.1
    expect(betweenness[0]).toBe(0);
    expect(betweenness[2]).toBe(0);
    expect(Math.abs(betweenness[1]! - 1)).toBeLessThanOrEqual(0.1);
    expect(estimate.vertexDiameter).toBe(3);
  });
});

describe('sampledPathCentralities', () => {
  it('samples betweenness and keeps closeness exact', () => {
    const index = indexGraph(fixtureGraph('path-metrics/grid-20.json'));
    const exact = brandesSync(index);
    // n = 400, VD = 77, ε' = 0.15 × 398/400: ⌈(0.5/ε'²)(6 + 1 + ln 10)⌉ = ⌈208.81⌉ = 209 searches, not 400
    const sampling = { epsilon: 0.15, delta: 0.1, seed: 5 };
    const result = sampledPathCentralities(index, sampling);
    expect(result.betweennessEstimate).toEqual({ ...sampling, sampleSize: 209, vertexDiameter: 77 });
    expect(result.closeness).toEqual(exact.closeness);
    expect(maxError(result.betweenness, exact.betweenness)).toBeLessThanOrEqual(sampling.epsilon);
  });

  it('computes the exact figures when sampling would search more than the exact kernel (r ≥ n)', () => {
    const index = indexGraph(fixtureGraph('reference/karate.json'));
    const result = sampledPathCentralities(index, SAMPLING);
    expect(result).toEqual({ ...brandesSync(index), betweennessEstimate: null });
  });

  it('closenessSync equals the kernel’s closeness on disconnected graphs with trees and isolated nodes', () => {
    const csr = toCsr(
      disjointUnion([
        withTrees(rngFor(31), preferentialAttachment(rngFor(32), 120, 2), 80),
        preferentialAttachment(rngFor(33), 30, 1, 'pa'),
        erdosRenyi(rngFor(34), 3, 0, 'iso'),
      ]),
    );
    expect(closenessSync(csr)).toEqual(brandesSync(csr).closeness);
    expect(closenessSync(csrFromEdges(['a'], new Int32Array(0), new Int32Array(0)))).toEqual(Float64Array.of(0));
  });
});
