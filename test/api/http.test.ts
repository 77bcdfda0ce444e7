import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { startCopnet } from '../../src/start-copnet';
import { TEST_STORE } from '../store/test-store';
import { postGraphql, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

describe('HTTP behaviour', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => server.stop());

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const huge = JSON.stringify({ query: `{ actors { totalCount } }`, variables: { padding: 'x'.repeat(70 * 1024) } });
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Request body is larger than the limit of 65536 bytes (COPNET_MAX_BODY_BYTES)',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
    const after = await server.gql(`{ actors { totalCount } }`);
    expect(after.data).toEqual({ actors: { totalCount: 0 } });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('serves the bundled GraphiQL to a browser on /graphql, and still answers GET queries there', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const page = await response.text();
    expect(page).toContain('GraphiQL');
    expect(page).not.toMatch(/https?:\/\//);
    const query = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ actors { totalCount } }')}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(query.status).toBe(200);
    expect(query.headers.get('cache-control')).toBe('no-store');
    expect(await query.json()).toEqual({ data: { actors: { totalCount: 0 } } });
  });

  it('serves the dashboard at / under a same-origin Content-Security-Policy, and nothing outside its folder', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await page.text()).not.toMatch(/https?:\/\//);
    for (const path of ['/assets/..%2F..%2Fpackage.json', '/assets/%E0%A4%A', '/assets/nope.js']) {
      const missing = await fetch(`${server.url}${path}`);
      expect(missing.status).toBe(404);
    }
  });

  it('answers unknown paths with a JSON 404 and /health with the store kind', async () => {
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'No route for /nope; the API is at /graphql' });
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', store: TEST_STORE });
  });
});

describe('a store failure', () => {
  it('is a STORE_UNAVAILABLE error with no stack trace, logged on the server', async () => {
    const server = await startTestServer();
    await server.store.close();
    const result = await server.gql(`{ actors { totalCount } }`);
    expect(result.errors).toEqual([
      { message: 'The data store is unavailable; try again shortly.', path: ['actors'], extensions: { code: 'STORE_UNAVAILABLE' } },
    ]);
    expect(JSON.stringify(result)).not.toContain('at ');
    expect(server.logged).toHaveLength(1);
    expect(server.logged[0]).toContain(TEST_STORE === 'sqlite' ? 'The database connection is not open' : 'is closed');
    await server.stop();
  });
});

describe('COPNET_REQUEST_TIMEOUT_MS', () => {
  it('sets how long a request may take to arrive (default 60 s) and refuses what is no positive whole number', () => {
    expect(loadConfig({}).requestTimeoutMs).toBe(60_000);
    expect(loadConfig({ COPNET_REQUEST_TIMEOUT_MS: '300000' }).requestTimeoutMs).toBe(300_000);
    expect(() => loadConfig({ COPNET_REQUEST_TIMEOUT_MS: '0' })).toThrow('COPNET_REQUEST_TIMEOUT_MS');
  });
});

describe('the composed service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = loadConfig({ PORT: '0', COPNET_DB_PATH: join(dir, 'copnet.db'), COPNET_DEMO_DATA: 'off' });

  it('keeps what it recorded across a restart, and frees its port on stop', async () => {
    const first = await startCopnet(config);
    const token = first.firstStart!.token; // the first start's admin token
    const written = await postGraphql(`${first.url}/graphql`, UPSERT_ACTORS, { actors: SMALL_NETWORK }, token);
    expect(written.errors).toBeUndefined();
    await first.stop();
    await expect(fetch(`${first.url}/health`)).rejects.toThrow();

    const second = await startCopnet(config);
    expect(second.firstStart).toBeNull();
    const read = await postGraphql<{ actors: { totalCount: number } }>(
      `${second.url}/graphql`,
      `{ actors { totalCount } }`,
      undefined,
      token,
    );
    expect(read.data).toEqual({ actors: { totalCount: SMALL_NETWORK.length } });
    await second.stop();
  });
});
