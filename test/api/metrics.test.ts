import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import modularity from 'graphology-metrics/graph/modularity';
import {
  NETWORKX_ACTOR_FIELDS as ACTOR_FIELDS,
  NETWORKX_NETWORK_FIELDS as NETWORK_FIELDS,
  rangeReads,
  RECORD_INTERACTIONS,
  startTestServer,
  UPSERT_ACTORS,
  type TestServer,
} from './harness';

interface Fixture {
  nodes: string[];
  edges: [string, string][];
  actors: Record<string, number | string>[];
  network: Record<string, number | string>;
}

const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'reference', `${name}.json`), 'utf8')) as Fixture;

const SNAPSHOT_QUERY = `query($window: WindowInput!, $scope: ScopeInput) {
  networkMetrics(window: $window, scope: $scope) {
    window { from to label }
    ${NETWORK_FIELDS.join(' ')} interactionCount modularity communityCount
    hub { id }
    actors(orderBy: DEGREE, first: 500) { actor { id } ${ACTOR_FIELDS.join(' ')} community }
  }
}`;

type SnapshotResult = {
  networkMetrics: Record<string, unknown> & { hub: { id: string } | null; actors: (Record<string, number> & { actor: { id: string } })[] };
};

/** Records one interaction per edge (the first node initiates), all inside 2020, through the API. */
async function loadThroughApi(server: TestServer, name: string, prefix: string): Promise<Fixture> {
  const graph = fixture(name);
  const actors = graph.actors.map((a) => ({ id: `${prefix}${a.id}`, name: `${name} ${a.id}`, kind: a.kind }));
  expect((await server.gql(UPSERT_ACTORS, { actors })).errors).toBeUndefined();
  const interactions = graph.edges.map(([a, b], i) => ({
    externalId: `${prefix}${i}`,
    kind: 'PEER_EXCHANGE',
    occurredAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
    initiatorId: `${prefix}${a}`,
    participantIds: [`${prefix}${b}`],
  }));
  expect((await server.gql(RECORD_INTERACTIONS, { interactions })).errors).toBeUndefined();
  return graph;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe.each([
  ['karate', 'k-', '2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'],
  ['florentine', 'f-', '2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'],
  ['star', 's-', '2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'],
])('%s loaded through the API matches networkx', (name, prefix) => {
  let graph: Fixture;
  let snapshot: SnapshotResult['networkMetrics'];
  beforeAll(async () => {
    const dedicated = await startTestServer();
    try {
      graph = await loadThroughApi(dedicated, name, prefix);
      const result = await dedicated.gql<SnapshotResult>(SNAPSHOT_QUERY, {
        window: { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
      });
      expect(result.errors).toBeUndefined();
      snapshot = result.data!.networkMetrics;
    } finally {
      await dedicated.stop();
    }
  });

  it('network figures to 1e-6', () => {
    for (const field of NETWORK_FIELDS)
      expect([field, snapshot[field]]).toEqual([field, expect.closeTo(graph.network[field] as number, 6)]);
    expect(snapshot.interactionCount).toBe(graph.edges.length);
    expect(snapshot.hub).toEqual({ id: `${prefix}${graph.network.hubId}` });
    expect(snapshot.window).toEqual({ from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z', label: null });
  });

  it('per-actor figures to 1e-6', () => {
    expect(snapshot.actors).toHaveLength(graph.actors.length);
    const byId = new Map(snapshot.actors.map((a) => [a.actor.id, a]));
    for (const reference of graph.actors) {
      const actual = byId.get(`${prefix}${reference.id}`)!;
      for (const field of ACTOR_FIELDS) {
        expect([reference.id, field, actual[field]]).toEqual([reference.id, field, expect.closeTo(reference[field] as number, 6)]);
      }
    }
  });

  it('modularity is that of the communities it reports', () => {
    const g = new UndirectedGraph();
    graph.nodes.forEach((n) => g.addNode(n));
    graph.edges.forEach(([a, b]) => g.addEdge(a, b));
    const communities = Object.fromEntries(snapshot.actors.map((a) => [a.actor.id.slice(prefix.length), a.community]));
    expect(snapshot.modularity).toBeCloseTo(modularity(g, { getNodeCommunity: (node: string) => communities[node]! }), 6);
    expect(snapshot.communityCount).toBe(new Set(Object.values(communities)).size);
  });
});

describe('metrics of a changing network', () => {
  // Three school years: everything through the foundation, then a mix, then a ring of peers.
  const actors = [
    { id: 'fdn', name: 'Foundation', kind: 'FOUNDATION' },
    ...['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `Intermediary ${id}`, kind: 'INTERMEDIARY' })),
  ];
  const at = (year: number, month: number) => new Date(Date.UTC(year, month, 15)).toISOString();
  const tie = (time: string, from: string, to: string) => ({ kind: 'OTHER', occurredAt: time, initiatorId: from, participantIds: [to] });
  const log = [
    ...['a', 'b', 'c', 'd', 'e'].map((p) => tie(at(2019, 9), 'fdn', p)),
    ...['a', 'b', 'c'].map((p) => tie(at(2020, 9), 'fdn', p)),
    tie(at(2020, 10), 'a', 'b'),
    tie(at(2020, 10), 'c', 'd'),
    tie(at(2020, 10), 'd', 'e'),
    tie(at(2021, 9), 'fdn', 'a'),
    tie(at(2021, 10), 'a', 'b'),
    tie(at(2021, 10), 'b', 'c'),
    tie(at(2021, 10), 'c', 'd'),
    tie(at(2021, 10), 'd', 'e'),
    tie(at(2021, 10), 'e', 'a'),
  ];
  const SERIES = `query($series: SeriesInput!) {
    networkMetricSeries(series: $series) {
      snapshots { window { label } actorCount tieCount peerTieShare betweennessCentralization hub { id } }
      trend { verdict peerTieShareSlope betweennessCentralizationSlope summary }
      exportUrl
    }
  }`;
  const series = { from: '2019-08-01T00:00:00Z', to: '2022-08-01T00:00:00Z', step: 'SCHOOL_YEAR' };
  type Series = { networkMetricSeries: { snapshots: Record<string, unknown>[]; trend: Record<string, unknown>; exportUrl: string } };

  let changing: TestServer;
  beforeAll(async () => {
    changing = await startTestServer();
    await changing.gql(UPSERT_ACTORS, { actors });
    expect((await changing.gql(RECORD_INTERACTIONS, { interactions: log })).errors).toBeUndefined();
  });
  afterAll(() => changing.stop());

  it('shows the shift from hub-and-spoke to peers, school year by school year', async () => {
    const result = await changing.gql<Series>(SERIES, { series });
    expect(result.errors).toBeUndefined();
    const { snapshots, trend, exportUrl } = result.data!.networkMetricSeries;
    expect(snapshots).toEqual([
      { window: { label: '2019–20' }, actorCount: 6, tieCount: 5, peerTieShare: 0, betweennessCentralization: 1, hub: { id: 'fdn' } },
      {
        window: { label: '2020–21' },
        actorCount: 6,
        tieCount: 6,
        peerTieShare: 0.5,
        betweennessCentralization: expect.closeTo(0.4, 6),
        hub: { id: 'fdn' },
      },
      {
        window: { label: '2021–22' },
        actorCount: 6,
        tieCount: 6,
        peerTieShare: expect.closeTo(5 / 6, 9),
        betweennessCentralization: expect.closeTo(0.38, 6),
        hub: { id: 'a' },
      },
    ]);
    expect(trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(trend.peerTieShareSlope).toBeCloseTo(5 / 12, 9);
    expect(trend.betweennessCentralizationSlope).toBeCloseTo(-0.31, 6); // networkx values 1, 0.4, 0.38; numpy.polyfit slope
    expect(trend.summary).toContain('more peer-connected');
    expect(exportUrl).toBe(
      '/export/gexf-dynamic?from=2019-08-01T00%3A00%3A00.000Z&to=2022-08-01T00%3A00%3A00.000Z&step=SCHOOL_YEAR&windowSize=1',
    );
  });

  it('answers a repeated series from cache, and recomputes after a write', async () => {
    await changing.gql(SERIES, { series });
    changing.storeCalls.clear();
    await changing.gql(SERIES, { series });
    // Each read of a range is counted first (the budget); the SQLite store's range is then read by a worker from its file.
    expect(changing.storeCalls.get('countWindow') ?? 0).toBe(0);
    expect(rangeReads(changing)).toBe(0);

    await changing.gql(RECORD_INTERACTIONS, { interactions: [tie(at(2021, 11), 'b', 'd')] });
    changing.storeCalls.clear();
    const after = await changing.gql<Series>(SERIES, { series });
    expect(changing.storeCalls.get('countWindow')).toBe(1);
    expect(after.data!.networkMetricSeries.snapshots[2]!.tieCount).toBe(7);
  });

  it('computes a window once however many actors ask for their metrics in one request', async () => {
    await changing.gql(RECORD_INTERACTIONS, { interactions: [tie(at(2021, 11), 'c', 'e')] }); // invalidate the cache
    changing.storeCalls.clear();
    const result = await changing.gql<{ actors: { edges: { node: { id: string; metrics: { degree: number } | null } }[] } }>(`{
      actors(first: 10) { edges { node { id metrics(window: { from: "2021-08-01", to: "2022-08-01" }) { degree } } } }
    }`);
    expect(result.data!.actors.edges.map((e) => [e.node.id, e.node.metrics?.degree ?? null])).toEqual([
      ['a', 3],
      ['b', 3],
      ['c', 3],
      ['d', 3],
      ['e', 3],
      ['fdn', 1],
    ]);
    expect(changing.storeCalls.get('countWindow')).toBe(1); // one read of the window (see above)
    const absent = await changing.gql<{ actor: { metrics: null } }>(
      `{ actor(id: "e") { metrics(window: { from: "2019-08-01", to: "2019-09-01" }) { degree } } }`,
    );
    expect(absent.data).toEqual({ actor: { metrics: null } });
  });

  it('orders the actors of a snapshot by any metric and links to its export', async () => {
    const result = await changing.gql<{
      networkMetrics: { actors: { actor: { id: string }; betweenness: number }[]; exportUrl: string };
    }>(`{
      networkMetrics(window: { from: "2019-08-01", to: "2020-08-01" }, scope: { interactionKinds: [OTHER] }) {
        actors(orderBy: BETWEENNESS, first: 2) { actor { id } betweenness }
        exportUrl(format: GRAPHML)
      }
    }`);
    expect(result.data!.networkMetrics.actors).toEqual([
      { actor: { id: 'fdn' }, betweenness: 1 },
      { actor: { id: 'a' }, betweenness: 0 },
    ]);
    expect(result.data!.networkMetrics.exportUrl).toBe(
      '/export/graphml?from=2019-08-01T00%3A00%3A00.000Z&to=2020-08-01T00%3A00%3A00.000Z&interactionKinds=OTHER',
    );
  });

  it('returns zeros and no actors for a window or scope that selects nothing', async () => {
    const result = await changing.gql<{ networkMetrics: Record<string, unknown> }>(`{
      networkMetrics(window: { from: "2030-01-01", to: "2031-01-01" }) { actorCount tieCount density betweennessCentralization peerTieShare hub { id } actors { degree } }
      scoped: networkMetrics(window: { from: "2019-01-01", to: "2023-01-01" }, scope: { actorKinds: [SCHOOL] }) { actorCount tieCount }
    }`);
    expect(result.data).toEqual({
      networkMetrics: { actorCount: 0, tieCount: 0, density: 0, betweennessCentralization: 0, peerTieShare: 0, hub: null, actors: [] },
      scoped: { actorCount: 0, tieCount: 0 },
    });
  });

  it('rejects bad windows and series with BAD_USER_INPUT naming the field', async () => {
    const expectError = async (query: string, message: string, field: string) => {
      const result = await changing.gql(query);
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message])).toEqual([['BAD_USER_INPUT', field, message]]);
    };
    await expectError(
      `{ networkMetrics(window: { from: "2020-01-01", to: "2020-01-01" }) { actorCount } }`,
      'window.from: 2020-01-01T00:00:00.000Z must be before window.to (2020-01-01T00:00:00.000Z)',
      'window.from',
    );
    await expectError(
      `{ networkMetricSeries(series: { from: "2000-01-01", to: "2020-01-01", step: WEEK }) { trend { verdict } } }`,
      expect.stringMatching(/^series: .*520/),
      'series',
    );
    await expectError(
      `{ networkMetrics(window: { from: "2020-01-01", to: "2021-01-01" }) { actors(orderBy: LOUDNESS) { degree } } }`,
      'orderBy: Value "LOUDNESS" does not exist in "ActorMetric" enum. Did you mean the enum value "CLOSENESS"?',
      'orderBy',
    );
    await expectError(
      `{ networkMetrics(window: { from: "2020-01-01", to: "2021-01-01" }) { exportUrl(format: GEXF_DYNAMIC) } }`,
      'format: "GEXF_DYNAMIC" is a series format: ask NetworkSeries.exportUrl for it',
      'format',
    );
  });
});
