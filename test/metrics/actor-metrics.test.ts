import { betweenness } from './oracles/betweenness';
import { closeness } from './oracles/closeness';
import { clustering } from '../../src/metrics/actor/clustering';
import { degreeCentrality } from '../../src/metrics/actor/degree-centrality';
import { degrees } from '../../src/metrics/actor/degree';
import { UndirectedGraph } from 'graphology';
import { eigenvectorCentrality, NETWORKX_EIGENVECTOR_MAX_ITER, wholeGraphEigenvector } from '../../src/metrics/actor/eigenvector';
import { pagerank } from '../../src/metrics/actor/pagerank';
import { PathMetricsPool } from '../../src/metrics/kernel';
import { pathCentralities, poolPathCentralityEngine } from '../../src/metrics/path-centralities';
import { byId, indexGraph } from '../../src/metrics/graph-index';
import { triangleCounts } from '../../src/metrics/triangles';
import { allFixtures, expectCloseById, expectedById, fixtureNetwork } from './reference';

describe.each(allFixtures().map((fixture) => [fixture.name, fixture] as const))('%s matches networkx', (_name, fixture) => {
  const network = fixtureNetwork(fixture);
  const index = indexGraph(network);

  it('degree', () => expectCloseById(byId(index, degrees(index)), expectedById(fixture, 'degree')));
  it('degreeCentrality', () => expectCloseById(byId(index, degreeCentrality(index)), expectedById(fixture, 'degreeCentrality')));
  it('betweenness (normalized, unweighted)', () =>
    expectCloseById(byId(index, betweenness(network, index)), expectedById(fixture, 'betweenness')));
  it('closeness (Wasserman-Faust)', () => expectCloseById(byId(index, closeness(network, index)), expectedById(fixture, 'closeness')));
  it('betweenness and closeness through the typed-array kernel', () => {
    const paths = pathCentralities(index);
    expectCloseById(byId(index, paths.betweenness), expectedById(fixture, 'betweenness'));
    expectCloseById(byId(index, paths.closeness), expectedById(fixture, 'closeness'));
  });
  it('eigenvector', () => expectCloseById(byId(index, eigenvectorCentrality(index)), expectedById(fixture, 'eigenvector')));
  it('pagerank (0.85)', () => expectCloseById(byId(index, pagerank(index)), expectedById(fixture, 'pagerank')));
  it('clustering', () => expectCloseById(byId(index, clustering(index, triangleCounts(index))), expectedById(fixture, 'clustering')));
});

describe('eigenvector centrality beyond networkx defaults', () => {
  it('needs more than networkx 100 iterations on two near-equal cliques, and matches networkx run longer', () => {
    const fixture = allFixtures().find((f) => f.name === 'two-near-cliques')!;
    expect(fixture.eigenvectorMaxIter).toBeGreaterThan(NETWORKX_EIGENVECTOR_MAX_ITER);
    const index = indexGraph(fixtureNetwork(fixture));
    expectCloseById(byId(index, eigenvectorCentrality(index)), expectedById(fixture, 'eigenvector'));
  });

  // the per-component iteration against the whole-graph one it replaced, where components settle at different steps
  it.each(allFixtures().map((fixture) => [fixture.name, fixture] as const))(
    'equals the whole-graph iteration on %s to 1e-13',
    (_name, fixture) => {
      const index = indexGraph(fixtureNetwork(fixture));
      expectWithin(eigenvectorCentrality(index), wholeGraphEigenvector(index), 1e-13);
    },
  );

  it('equals the whole-graph iteration on a window of many components (a grid, stars, pairs, isolated actors) to 1e-13', () => {
    const graph = new UndirectedGraph();
    const tie = (a: string, b: string) => graph.mergeEdge(a, b);
    for (let r = 0; r < 6; r++)
      for (let c = 0; c < 6; c++) {
        if (r < 5) tie(`g${r}-${c}`, `g${r + 1}-${c}`);
        if (c < 5) tie(`g${r}-${c}`, `g${r}-${c + 1}`);
      }
    for (let s = 0; s < 4; s++) for (let leaf = 0; leaf <= s + 2; leaf++) tie(`s${s}`, `s${s}-${leaf}`);
    tie('p1', 'p2');
    tie('q1', 'q2');
    tie('t1', 't2');
    tie('t2', 't3');
    tie('t3', 't1');
    for (let i = 0; i < 5; i++) graph.addNode(`solo${i}`);
    const index = indexGraph(graph);
    const x = eigenvectorCentrality(index);
    expectWithin(x, wholeGraphEigenvector(index), 1e-13);
    expect(x[index.position.get('solo0')!]).toBeLessThan(1e-6); // the grid took the mass
  });

  it('gives an empty result for an empty graph', () => {
    const fixture = allFixtures().find((f) => f.name === 'one-node')!;
    const network = fixtureNetwork(fixture);
    network.dropNode('solo');
    expect(Array.from(eigenvectorCentrality(indexGraph(network)))).toEqual([]);
  });
});

describe('the worker-pool engine', () => {
  const pool = new PathMetricsPool(2);
  afterAll(() => pool.close());

  it.each(['karate', 'florentine', 'disconnected'])('gives networkx values on %s', async (name) => {
    const fixture = allFixtures().find((f) => f.name === name)!;
    const network = fixtureNetwork(fixture);
    const index = indexGraph(network);
    const paths = await poolPathCentralityEngine(pool)(index);
    expectCloseById(byId(index, paths.betweenness), expectedById(fixture, 'betweenness'));
    expectCloseById(byId(index, paths.closeness), expectedById(fixture, 'closeness'));
  });
});

function expectWithin(actual: Float64Array, expected: Float64Array, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let largest = 0;
  for (let i = 0; i < actual.length; i++) largest = Math.max(largest, Math.abs(actual[i]! - expected[i]!));
  expect(largest).toBeLessThanOrEqual(tolerance);
}
