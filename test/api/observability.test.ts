import { isLoopbackPeer, prometheusText } from '../../src/http/metrics-route';
import { CopnetMetrics } from '../../src/http/prometheus-metrics';
import { TEST_STORE } from '../store/test-store';
import { startTestServer, type TestServer } from './harness';

/** Parses the Prometheus text format: every sample line as `name{labels}` → value; throws on a line that is neither a sample nor a comment. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?) (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(
      line,
    );
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

describe('/metrics, /health/live and /health/ready', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  async function scrape(): Promise<Map<string, number>> {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parsePrometheus(await response.text());
  }

  it('parses as Prometheus text, and its request, cache and auth counters move with requests (from loopback, no token needed)', async () => {
    const before = await scrape();
    const probe = `query MetricsProbe { networkMetrics(window: { from: "2019-01-01", to: "2020-01-01" }) { tieCount } }`;
    expect((await server.gql(probe)).errors).toBeUndefined();
    expect((await server.gql(probe)).errors).toBeUndefined();
    expect((await server.gqlAs('copnet_not_a_real_token_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', probe)).errors).toHaveLength(1);
    const after = await scrape();
    const requests = 'copnet_http_requests_total{route="/graphql",operation="MetricsProbe",status="200"}';
    expect((after.get(requests) ?? 0) - (before.get(requests) ?? 0)).toBe(3);
    const delta = (name: string) => after.get(name)! - (before.get(name) ?? 0);
    // The first answer computed the window, the second found it cached; the refused one never got that far.
    expect(delta('copnet_snapshot_cache_misses_total')).toBe(1);
    expect(delta('copnet_snapshot_cache_hits_total')).toBe(1);
    expect(delta('copnet_auth_failures_total')).toBe(1);
    expect(after.get('copnet_http_request_duration_seconds_count{route="/graphql",operation="MetricsProbe"}')).toBe(3);
    expect(after.get('copnet_work_queue_depth')).toBe(0);
    expect(after.has('copnet_process_resident_memory_bytes')).toBe(true);
  });

  it('labels new operation names only for accepted credentials: 200 anonymous made-up names leave room for the dashboard', async () => {
    for (let i = 0; i < 200; i += 1) {
      expect((await server.gqlAs(null, `query Junk${i} { __typename }`)).data).toEqual({ __typename: 'Query' });
    }
    expect((await server.gql(`query DashboardOverview { actors { totalCount } }`)).errors).toBeUndefined();
    const samples = await scrape();
    const labelled = [...samples.keys()].filter((name) => name.startsWith('copnet_http_requests_total{route="/graphql"'));
    expect(labelled.filter((name) => name.includes('operation="Junk'))).toEqual([]);
    expect(samples.get('copnet_http_requests_total{route="/graphql",operation="DashboardOverview",status="200"}')).toBe(1);
    expect(samples.get('copnet_http_requests_total{route="/graphql",operation="other",status="200"}')).toBe(200);
  });

  it('lets one reader token add at most 50 new operation names to the labels; an admin’s are not counted', async () => {
    const reader = await server.createToken('reader', 'label-filler');
    for (let i = 0; i < 60; i += 1) {
      // A root field waits for the credential, so the request counts as authenticated before it ends (a bare
      // __typename may end before a Neo4j token look-up does).
      expect((await server.gqlAs(reader, `query Filler${i} { actor(id: "nobody") { id } }`)).data).toEqual({ actor: null });
    }
    expect((await server.gql(`query AdminAfterFiller { actor(id: "nobody") { id } }`)).errors).toBeUndefined();
    const samples = await scrape();
    const count = (name: string) => samples.get(`copnet_http_requests_total{route="/graphql",operation="${name}",status="200"}`);
    const labelled = [...samples.keys()].filter((name) => /^copnet_http_requests_total\{.*operation="Filler\d+"/.test(name));
    expect(labelled).toHaveLength(50);
    expect(count('Filler49')).toBe(1);
    expect(count('Filler50')).toBeUndefined();
    expect(count('AdminAfterFiller')).toBe(1);
  });

  it('/health/live names the process; /health/ready says the store answers', async () => {
    const live = await fetch(`${server.url}/health/live`);
    expect(await live.json()).toEqual({ status: 'live', pid: process.pid });
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: TEST_STORE, revision: expect.any(Number) });
  });

  it.each([
    ['/metrics', '/metrics is read with GET'],
    ['/health', 'Health checks are read with GET'],
    ['/health/live', 'Health checks are read with GET'],
    ['/health/ready', 'Health checks are read with GET'],
  ])('answers POST %s with 405 and the methods it takes; HEAD still 200', async (path, error) => {
    const posted = await fetch(`${server.url}${path}`, { method: 'POST' });
    expect([posted.status, posted.headers.get('allow'), await posted.json()]).toEqual([405, 'GET, HEAD', { error }]);
    const head = await fetch(`${server.url}${path}`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('answers PUT and DELETE on /health with 405 too', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const response = await fetch(`${server.url}/health`, { method });
      expect([method, response.status, response.headers.get('allow')]).toEqual([method, 405, 'GET, HEAD']);
    }
  });

  it('answers with the request id it was sent (a sane one), or a new one', async () => {
    const echoed = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(echoed.headers.get('x-request-id')).toBe('lb-1234.abc');
    const fresh = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('spells an unsampled event-loop lag NaN, as the format does (prom-client writes Nan)', async () => {
    const metrics = new CopnetMetrics();
    await prometheusText(metrics);
    // No timer can run between the two scrapes, so the lag histogram, reset by the first, is empty.
    const text = await prometheusText(metrics);
    expect(text).toContain('\ncopnet_nodejs_eventloop_lag_mean_seconds NaN\n');
    expect(Number.isNaN(parsePrometheus(text).get('copnet_nodejs_eventloop_lag_mean_seconds'))).toBe(true);
  });

  it('treats only loopback peers as this machine', () => {
    expect(['127.0.0.1', '127.8.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopbackPeer)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '192.168.1.127', undefined].map(isLoopbackPeer)).toEqual([false, false, false, false]);
  });
});
