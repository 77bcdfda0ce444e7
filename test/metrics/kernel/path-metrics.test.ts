import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UndirectedGraph, DirectedGraph, MultiUndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import {
  baselineBrandesSync,
  brandesSync,
  csrFromEdges,
  PathMetricsPool,
  toCsr,
  type Csr,
  type PathMetrics,
} from '../../../src/metrics/kernel';
import { foldTrees } from '../../../src/metrics/kernel/tree-folding';
import { disjointUnion, erdosRenyi, preferentialAttachment, rngFor, withLeaves, withoutIsolated, withTrees } from './random-graphs';

/** graphology-metrics, configured as networkx: the reference the kernel must match. */
function reference(graph: UndirectedGraph, ids: readonly string[]): PathMetrics {
  const b = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  const c = closenessCentrality(graph, { wassermanFaust: true });
  return {
    betweenness: Float64Array.from(ids, (id) => b[id] as number),
    closeness: Float64Array.from(ids, (id) => c[id] as number),
  };
}

function expectClose(actual: Float64Array, expected: Float64Array, tolerance = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs((actual[i] as number) - (expected[i] as number)));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

function pathGraph(n: number, prefix = 'p'): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`${prefix}${i}`);
  for (let i = 1; i < n; i++) graph.mergeEdge(`${prefix}${i - 1}`, `${prefix}${i}`);
  return graph;
}

function cycle(n: number): UndirectedGraph {
  const graph = pathGraph(n, 'c');
  graph.mergeEdge(`c${n - 1}`, 'c0');
  return graph;
}

function star(leaves: number): UndirectedGraph {
  const graph = new UndirectedGraph();
  graph.addNode('hub');
  for (let i = 0; i < leaves; i++) graph.mergeEdge('hub', `leaf${String(i).padStart(2, '0')}`);
  return graph;
}

const randomCases: Array<[string, () => UndirectedGraph]> = [
  ['sparse G(60, 0.03), disconnected, isolated nodes dropped', () => withoutIsolated(erdosRenyi(rngFor(1), 60, 0.03))],
  ['G(40, 0.2)', () => erdosRenyi(rngFor(2), 40, 0.2)],
  ['G(30, 0.05) with isolated nodes', () => erdosRenyi(rngFor(3), 30, 0.05)],
  ['preferential attachment, 300 nodes, m = 1 (a tree)', () => preferentialAttachment(rngFor(4), 300, 1)],
  ['preferential attachment, 600 nodes, m = 3', () => preferentialAttachment(rngFor(5), 600, 3)],
  [
    'a 400-node preferential-attachment core with 300 pendant leaves and 20 isolated edges',
    () => withLeaves(rngFor(8), preferentialAttachment(rngFor(9), 400, 2), 300, 20),
  ],
  [
    'a 300-node preferential-attachment core with 400 tree nodes hanging off it at every depth',
    () => withTrees(rngFor(11), preferentialAttachment(rngFor(12), 300, 2), 400),
  ],
  [
    'a cycle, a tree, a star, an edge and isolated nodes, with trees hanging off the cycle',
    () =>
      disjointUnion([
        erdosRenyi(rngFor(14), 1, 0, 'lone'),
        pathGraph(3),
        preferentialAttachment(rngFor(16), 80, 1, 'pa'),
        star(6),
        withTrees(rngFor(17), cycle(12), 30),
        erdosRenyi(rngFor(18), 5, 0, 'iso'),
      ]),
  ],
  [
    'three components of different shapes, 700 nodes',
    () =>
      disjointUnion([
        preferentialAttachment(rngFor(6), 400, 2, 'a'),
        withoutIsolated(erdosRenyi(rngFor(7), 250, 0.02, 'b')),
        pathGraph(50),
      ]),
  ],
];

/** networkx reference graphs (scripts/reference-fixtures.py): nodes, edges, per-actor betweenness and closeness. */
interface ReferenceFixture {
  name: string;
  nodes: string[];
  edges: Array<[string, string]>;
  actors: Array<{ id: string; betweenness: number; closeness: number }>;
}
/** The networkx reference graphs, and the kernel's own larger ones (grid 20 × 20, trees off a grid). */
const fixtures: Array<[string, ReferenceFixture]> = ['reference', 'path-metrics'].flatMap((folder) => {
  const dir = join(__dirname, '..', '..', 'fixtures', folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file): [string, ReferenceFixture] => {
      const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReferenceFixture;
      return [fixture.name, fixture];
    });
});

describe('toCsr', () => {
  it('indexes the nodes in sorted id order, with sorted neighbour rows', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('c', 'a');
    graph.mergeEdge('b', 'c');
    graph.mergeEdge('d', 'b');
    const csr = toCsr(graph);
    expect(csr.ids).toEqual(['a', 'b', 'c', 'd']);
    expect([...csr.offsets]).toEqual([0, 1, 3, 5, 6]);
    expect([...csr.neighbors]).toEqual([2, 2, 3, 0, 1, 1]);
  });

  it('refuses directed graphs and multigraphs', () => {
    expect(() => toCsr(new DirectedGraph())).toThrow('toCsr needs an undirected graph, got a directed one');
    expect(() => toCsr(new MultiUndirectedGraph())).toThrow('toCsr needs a simple graph, got a multigraph');
  });

  it('refuses a self-loop or an out-of-range index in an edge list', () => {
    expect(() => csrFromEdges(['a', 'b'], Int32Array.of(1), Int32Array.of(1))).toThrow('csrFromEdges: bad edge 1-1 for 2 nodes');
    expect(() => csrFromEdges(['a', 'b'], Int32Array.of(0), Int32Array.of(2))).toThrow('csrFromEdges: bad edge 0-2 for 2 nodes');
  });
});

describe('brandesSync', () => {
  it('gives a star 1 at the hub and 0 at the leaves; closeness 1 and 1/(2 − 1/(n − 1))', () => {
    const { betweenness, closeness } = brandesSync(toCsr(star(9)));
    // ids: hub, leaf00..leaf08
    expect(betweenness[0]).toBeCloseTo(1, 12);
    expect([...betweenness.subarray(1)]).toEqual(new Array(9).fill(0));
    expect(closeness[0]).toBe(1);
    // a leaf: distance 1 to the hub, 2 to the 8 other leaves: 9 / 17
    expect(closeness[1]).toBeCloseTo(9 / 17, 15);
  });

  it('gives a path of 5 networkx values: betweenness 0, 1/2, 2/3, 1/2, 0', () => {
    const { betweenness, closeness } = brandesSync(toCsr(pathGraph(5)));
    expectClose(betweenness, Float64Array.of(0, 0.5, 2 / 3, 0.5, 0));
    expectClose(closeness, Float64Array.of(0.4, 4 / 7, 2 / 3, 4 / 7, 0.4));
  });

  it('scales closeness by the reachable share on a disconnected graph (Wasserman–Faust)', () => {
    // a-b and c-d-e: n = 5. For a: r = 2, Σd = 1 → 1 × 1/4. For d: r = 3, Σd = 2 → 1 × 2/4.
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b');
    graph.mergeEdge('c', 'd');
    graph.mergeEdge('d', 'e');
    const { betweenness, closeness } = brandesSync(toCsr(graph));
    expectClose(closeness, Float64Array.of(0.25, 0.25, (2 / 3) * 0.5, 0.5, (2 / 3) * 0.5));
    // d lies on c–e and e–c: 2 / ((5 − 1)(5 − 2))
    expectClose(betweenness, Float64Array.of(0, 0, 0, 2 / 12, 0));
  });

  it('handles the empty graph, one node and one edge', () => {
    const empty = brandesSync(csrFromEdges([], new Int32Array(0), new Int32Array(0)));
    expect(empty.betweenness.length).toBe(0);
    const one = brandesSync(csrFromEdges(['a'], new Int32Array(0), new Int32Array(0)));
    expect([...one.betweenness, ...one.closeness]).toEqual([0, 0]);
    const edge = brandesSync(csrFromEdges(['a', 'b'], Int32Array.of(0), Int32Array.of(1)));
    expect([...edge.betweenness]).toEqual([0, 0]);
    expect([...edge.closeness]).toEqual([1, 1]);
  });

  it.each(fixtures)('matches networkx on the reference graph %s', (_name, fixture) => {
    const graph = new UndirectedGraph();
    fixture.nodes.forEach((node) => graph.addNode(node));
    fixture.edges.forEach(([a, b]) => graph.mergeEdge(a, b));
    const csr = toCsr(graph);
    const byId = new Map(fixture.actors.map((actor) => [actor.id, actor]));
    const { betweenness, closeness } = brandesSync(csr);
    expectClose(
      betweenness,
      Float64Array.from(csr.ids, (id) => byId.get(id)!.betweenness),
    );
    expectClose(
      closeness,
      Float64Array.from(csr.ids, (id) => byId.get(id)!.closeness),
    );
  });

  it.each(randomCases)('matches graphology-metrics to 1e-9: %s', (_name, build) => {
    const graph = build();
    const csr = toCsr(graph);
    const actual = brandesSync(csr);
    const expected = reference(graph, csr.ids);
    expectClose(actual.betweenness, expected.betweenness);
    expectClose(actual.closeness, expected.closeness);
  });
});

describe('degree-1 folding', () => {
  /** The folded kernel equals the kernel before folding to 1e-12; closeness (integer distance sums) exactly. */
  function expectBaseline(csr: Csr): void {
    const folded = brandesSync(csr);
    const baseline = baselineBrandesSync(csr);
    expectClose(folded.betweenness, baseline.betweenness, 1e-12);
    expect(folded.closeness).toEqual(baseline.closeness);
  }

  it.each(randomCases)('equals the baseline kernel: %s', (_name, build) => expectBaseline(toCsr(build())));

  it.each(fixtures)('equals the baseline kernel on the reference graph %s', (_name, fixture) => {
    const graph = new UndirectedGraph();
    fixture.nodes.forEach((node) => graph.addNode(node));
    fixture.edges.forEach(([a, b]) => graph.mergeEdge(a, b));
    expectBaseline(toCsr(graph));
  });

  it('peels the trees off a triangle and keeps one node of a tree component', () => {
    // CSR indices: a0 a1 a2 (triangle), b (on a0), c d (on b), e-f (a tree component), g (isolated)
    const ids = ['a0', 'a1', 'a2', 'b', 'c', 'd', 'e', 'f', 'g'];
    const folding = foldTrees(csrFromEdges(ids, Int32Array.of(0, 1, 2, 0, 3, 3, 6), Int32Array.of(1, 2, 0, 3, 4, 5, 7)));
    expect([...folding.core]).toEqual([0, 1, 2, 7, 8]);
    expect([...folding.coreOffsets]).toEqual([0, 2, 4, 6, 6, 6]);
    expect([...folding.coreNeighbors]).toEqual([1, 2, 0, 2, 0, 1]);
    expect([...folding.parent]).toEqual([-1, -1, -1, 0, 3, 3, 7, -1, -1]);
    expect([...folding.size]).toEqual([4, 1, 1, 3, 1, 1, 1, 2, 1]);
    expect([...folding.squares]).toEqual([9, 0, 0, 2, 0, 0, 0, 1, 0]);
    // a0 to b, c, d: 1 + 2 + 2
    expect([...folding.down]).toEqual([5, 0, 0, 2, 0, 0, 0, 1, 0]);
  });

  it('folds a path hanging off a triangle into closed-form values', () => {
    // t0-t1-t2 triangle, t0-a-b-c path: n = 6. b separates {c} from 4 others: 2 × 1 × 4 ordered pairs.
    const graph = new UndirectedGraph();
    graph.mergeEdge('t0', 't1');
    graph.mergeEdge('t1', 't2');
    graph.mergeEdge('t2', 't0');
    graph.mergeEdge('t0', 'a');
    graph.mergeEdge('a', 'b');
    graph.mergeEdge('b', 'c');
    const csr = toCsr(graph); // a, b, c, t0, t1, t2
    const { betweenness, closeness } = brandesSync(csr);
    const scale = 1 / (5 * 4);
    expectClose(betweenness, Float64Array.of(2 * 2 * 3 * scale, 2 * 1 * 4 * scale, 0, 2 * 3 * 2 * scale, 0, 0), 1e-15);
    // c: distances 1, 2, 3, 4, 4 → Σ 14; t1: 1, 1, 2, 3, 4 → Σ 11
    expect(closeness[2]).toBe(5 / 14);
    expect(closeness[4]).toBe(5 / 11);
  });
});

describe('PathMetricsPool', () => {
  let pool: PathMetricsPool;
  beforeAll(() => {
    pool = new PathMetricsPool(2);
  });
  afterAll(() => pool.close());

  it.each(randomCases)('gives bit-for-bit the in-thread result: %s', async (_name, build) => {
    const csr = toCsr(build());
    expect(await pool.compute(csr)).toEqual(brandesSync(csr));
  });

  it('runs the baseline kernel on request, bit-for-bit baselineBrandesSync', async () => {
    const baseline = new PathMetricsPool(2, { kernel: 'baseline' });
    try {
      const csr = toCsr(withTrees(rngFor(19), preferentialAttachment(rngFor(20), 1500, 2), 800));
      expect(await baseline.compute(csr)).toEqual(baselineBrandesSync(csr));
    } finally {
      await baseline.close();
    }
  });

  it('keeps graphs submitted together apart, several blocks each', async () => {
    const graphs: Csr[] = [1000, 700, 1300].map((n, i) => toCsr(preferentialAttachment(rngFor(10 + i), n, 2)));
    const results = await Promise.all(graphs.map((csr) => pool.compute(csr)));
    results.forEach((result, i) => expect(result).toEqual(brandesSync(graphs[i] as Csr)));
  });

  it('refuses work once closed, and a thread count that is not a positive integer', async () => {
    const closing = new PathMetricsPool(1);
    await closing.close();
    await expect(closing.compute(toCsr(star(3)))).rejects.toThrow('PathMetricsPool is closed');
    expect(() => new PathMetricsPool(0)).toThrow('PathMetricsPool: threads must be a positive integer, got 0');
  });

  it('rejects the graphs still running or queued when closed', async () => {
    const closing = new PathMetricsPool(1);
    const running = expect(closing.compute(toCsr(preferentialAttachment(rngFor(30), 3000, 3)))).rejects.toThrow(
      'PathMetricsPool was closed before the computation ended',
    );
    await closing.close();
    await running;
  });
});
