import { TEST_STORE } from '../store/test-store';
import { peerExchange, rangeReads, RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

async function seeded(options: { maxWindowInteractions?: number; workTimeoutMs?: number }): Promise<TestServer> {
  const server = await startTestServer(options);
  await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK });
  const recorded = await server.gql(RECORD_INTERACTIONS, {
    interactions: [
      peerExchange('2019-09-10', 'bmgf', ['nsi-core']),
      peerExchange('2019-10-10', 'nsi-core', ['nsi-ifl']),
      peerExchange('2020-09-10', 'nsi-ifl', ['nsi-baltimore']),
    ],
  });
  expect(recorded.errors).toBeUndefined();
  return server;
}

describe('work budget: interactions summed over the windows of one request', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await seeded({ maxWindowInteractions: 10 });
  });
  afterAll(() => server.stop());

  it('refuses a rolling gexf-dynamic export over the budget with 422 and its figures, before any byte', async () => {
    const response = await fetch(`${server.url}/export/gexf-dynamic?from=2019-08-01&to=2021-08-01&step=MONTH&windowSize=24`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error:
        'This asks to measure 19 interactions summed over 24 windows; the limit is 10 (COPNET_MAX_WINDOW_INTERACTIONS): use fewer or shorter windows',
      code: 'WORK_LIMIT_EXCEEDED',
      limit: 10,
      actual: 19,
    });
  });

  it('refuses the same series over GraphQL with WORK_LIMIT_EXCEEDED, and still answers within budget', async () => {
    const over = await server.gql(
      '{ networkMetricSeries(series: { from: "2019-08-01", to: "2021-08-01", step: MONTH, windowSize: 24 }) { snapshots { density } } }',
    );
    expect(over.errors?.map((e) => [e.extensions?.code, e.extensions?.limit, e.extensions?.actual])).toEqual([
      ['WORK_LIMIT_EXCEEDED', 10, 19],
    ]);
    const within = await server.gql<{ networkMetricSeries: { snapshots: { tieCount: number }[] } }>(
      '{ networkMetricSeries(series: { from: "2019-08-01", to: "2021-08-01", step: SCHOOL_YEAR }) { snapshots { tieCount } } }',
    );
    expect(within.data?.networkMetricSeries.snapshots.map((s) => s.tieCount)).toEqual([2, 1]);
  });
});

describe('work budget checked from counts, before reading', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await seeded({ maxWindowInteractions: 10 });
  });
  afterAll(() => server.stop());

  it('refuses an over-budget series and export without streaming a single interaction', async () => {
    const streamed = () => rangeReads(server);
    const before = streamed();
    const over = await server.gql(
      '{ networkMetricSeries(series: { from: "2019-08-01", to: "2021-08-01", step: MONTH, windowSize: 24, expanding: true }) { snapshots { density } } }',
    );
    expect(over.errors?.map((e) => [e.extensions?.code, e.extensions?.limit, e.extensions?.actual])).toEqual([
      ['WORK_LIMIT_EXCEEDED', 10, 72],
    ]);
    const download = await fetch(`${server.url}/export/gexf-dynamic?from=2019-08-01&to=2021-08-01&step=MONTH&windowSize=24`);
    expect(download.status).toBe(422);
    expect(((await download.json()) as { actual: number }).actual).toBe(19);
    expect(streamed()).toBe(before);
    // Within the budget, on SQLite the worker thread reads the range from the store's file (Store.windowFile) and the
    // HTTP thread reads none; on Neo4j the HTTP thread reads the range once (readWindowInto) and posts its columns.
    const within = await server.gql<{ networkMetricSeries: { snapshots: { tieCount: number }[] } }>(
      '{ networkMetricSeries(series: { from: "2019-08-01", to: "2021-08-01", step: SCHOOL_YEAR }) { snapshots { tieCount } } }',
    );
    expect(within.data?.networkMetricSeries.snapshots.map((s) => s.tieCount)).toEqual([2, 1]);
    expect(streamed()).toBe(before + (TEST_STORE === 'neo4j' ? 1 : 0));
  });
});

describe('work time limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await seeded({ workTimeoutMs: 1 });
  });
  afterAll(() => server.stop());

  it('cancels metrics still computing when the time runs out, with WORK_LIMIT_EXCEEDED', async () => {
    const response = await server.gql('{ networkMetrics(window: { from: "2019-01-01", to: "2021-01-01" }) { density } }');
    expect(response.errors?.[0]).toMatchObject({
      message: "The request's work ran past the time limit of 1 ms (COPNET_WORK_TIMEOUT_MS)",
      extensions: { code: 'WORK_LIMIT_EXCEEDED', limit: 1, actual: null },
    });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  });
});
