import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import { brandesSync } from '../../src/metrics/kernel';
import { indexGraph } from '../../src/metrics/graph-index';
import { sampledPathCentralities } from '../../src/metrics/path-centralities';
import { RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

/** The networkx grid 20 × 20 fixture, its actors prefixed 'g-' as loaded below. */
function grid(): UndirectedGraph {
  const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'path-metrics', 'grid-20.json'), 'utf8')) as {
    nodes: string[];
    edges: [string, string][];
  };
  const graph = new UndirectedGraph();
  fixture.nodes.forEach((node) => graph.addNode(`g-${node}`));
  fixture.edges.forEach(([a, b]) => graph.mergeEdge(`g-${a}`, `g-${b}`));
  return graph;
}

const WINDOW = { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' };
const QUERY = `query($window: WindowInput!, $scope: ScopeInput) {
  networkMetrics(window: $window, scope: $scope) {
    betweennessCentralization
    betweennessEstimate { epsilon delta seed sampleSize vertexDiameter }
    actors(orderBy: DEGREE, first: 500) { actor { id } betweenness closeness }
  }
}`;
type Result = {
  networkMetrics: {
    betweennessCentralization: number;
    betweennessEstimate: Record<string, number> | null;
    actors: { actor: { id: string }; betweenness: number; closeness: number }[];
  };
};

let server: TestServer;
const graph = grid();
beforeAll(async () => {
  server = await startTestServer();
  const actors = graph.nodes().map((id) => ({ id, name: `grid ${id}`, kind: 'SCHOOL' }));
  expect((await server.gql(UPSERT_ACTORS, { actors })).errors).toBeUndefined();
  const interactions = graph
    .mapEdges((_edge, _attributes, a, b) => [a, b])
    .map(([a, b], i) => ({
      externalId: `grid-${i}`,
      kind: 'PEER_EXCHANGE',
      occurredAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
      initiatorId: a,
      participantIds: [b],
    }));
  for (let first = 0; first < interactions.length; first += 500) {
    expect((await server.gql(RECORD_INTERACTIONS, { interactions: interactions.slice(first, first + 500) })).errors).toBeUndefined();
  }
});
afterAll(() => server.stop());

const byId = (result: Result): Map<string, { betweenness: number; closeness: number }> =>
  new Map(result.networkMetrics.actors.map(({ actor, ...figures }) => [actor.id, figures]));

describe('approximateBetweenness over HTTP', () => {
  it('is exact, with betweennessEstimate null, when not asked', async () => {
    const result = await server.gql<Result>(QUERY, { window: WINDOW });
    expect(result.errors).toBeUndefined();
    expect(result.data!.networkMetrics.betweennessEstimate).toBeNull();
    const index = indexGraph(graph);
    const exact = brandesSync(index);
    const figures = byId(result.data!);
    expect(index.ids.map((id) => figures.get(id)!.betweenness)).toEqual([...exact.betweenness]);
  });

  it('samples when asked: the seeded estimate, within ε of the exact figures, closeness exact, and says so', async () => {
    const sampling = { epsilon: 0.15, delta: 0.1, seed: 5 };
    const [exact, sampled] = await Promise.all([
      server.gql<Result>(QUERY, { window: WINDOW }),
      server.gql<Result>(QUERY, { window: WINDOW, scope: { approximateBetweenness: sampling } }),
    ]);
    expect(sampled.errors).toBeUndefined();
    // n = 400, VD = 2 × 38 + 1: ⌈(0.5/ε'²)(6 + 1 + ln 10)⌉ with ε' = 0.15 × 398/400
    expect(sampled.data!.networkMetrics.betweennessEstimate).toEqual({ ...sampling, sampleSize: 209, vertexDiameter: 77 });
    const index = indexGraph(graph);
    const expected = sampledPathCentralities(index, sampling);
    const estimates = byId(sampled.data!);
    const exactFigures = byId(exact.data!);
    expect(index.ids.map((id) => estimates.get(id)!.betweenness)).toEqual(Array.from(expected.betweenness));
    let worst = 0;
    for (const id of index.ids) worst = Math.max(worst, Math.abs(estimates.get(id)!.betweenness - exactFigures.get(id)!.betweenness));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(sampling.epsilon);
    for (const id of index.ids) expect(estimates.get(id)!.closeness).toBe(exactFigures.get(id)!.closeness);
    expect(sampled.data!.networkMetrics.betweennessCentralization).not.toBe(exact.data!.networkMetrics.betweennessCentralization);
  });

  it('computes exactly, betweennessEstimate null, when sampling would search as many paths as there are actors', async () => {
    const result = await server.gql<Result>(QUERY, { window: WINDOW, scope: { approximateBetweenness: { epsilon: 0.05, delta: 0.1 } } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.networkMetrics.betweennessEstimate).toBeNull();
    const index = indexGraph(graph);
    const figures = byId(result.data!);
    expect(index.ids.map((id) => figures.get(id)!.betweenness)).toEqual([...brandesSync(index).betweenness]);
  });

  it('estimates every window of a series, and Actor.metrics alike', async () => {
    const result = await server.gql<{
      networkMetricSeries: { snapshots: { betweennessEstimate: { sampleSize: number; seed: number } | null }[] };
      actor: { metrics: { betweenness: number } };
    }>(
      `query($scope: ScopeInput) {
        networkMetricSeries(series: { from: "2020-01-01", to: "2020-03-01", step: MONTH }, scope: $scope) {
          snapshots { betweennessEstimate { sampleSize seed } }
        }
        actor(id: "g-g10_10") { metrics(window: { from: "2020-01-01", to: "2020-02-01" }, scope: $scope) { betweenness } }
      }`,
      { scope: { approximateBetweenness: { epsilon: 0.15, delta: 0.1, seed: 5 } } },
    );
    expect(result.errors).toBeUndefined();
    // February has no interactions: an empty network is exact (all zeros)
    expect(result.data!.networkMetricSeries.snapshots.map((s) => s.betweennessEstimate)).toEqual([{ sampleSize: 209, seed: 5 }, null]);
    const index = indexGraph(graph);
    const expected = sampledPathCentralities(index, { epsilon: 0.15, delta: 0.1, seed: 5 });
    expect(result.data!.actor.metrics.betweenness).toBe(expected.betweenness[index.position.get('g-g10_10')!]);
  });

  it.each([
    [
      { epsilon: 0, delta: 0.1 },
      'scope.approximateBetweenness.epsilon',
      'scope.approximateBetweenness.epsilon: 0 must be more than 0 and less than 1',
    ],
    [
      { epsilon: 1.5, delta: 0.1 },
      'scope.approximateBetweenness.epsilon',
      'scope.approximateBetweenness.epsilon: 1.5 must be more than 0 and less than 1',
    ],
    [
      { epsilon: 0.1, delta: 1 },
      'scope.approximateBetweenness.delta',
      'scope.approximateBetweenness.delta: 1 must be more than 0 and less than 1',
    ],
    [
      { epsilon: 0.1, delta: 0.1, seed: -1 },
      'scope.approximateBetweenness.seed',
      'scope.approximateBetweenness.seed: -1 must be a whole number from 0 to 2147483647',
    ],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (sampling, field, message) => {
    const result = await server.gql(QUERY, { window: WINDOW, scope: { approximateBetweenness: sampling } });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message])).toEqual([['BAD_USER_INPUT', field, message]]);
  });
});
