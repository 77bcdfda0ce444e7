import { loadConfig } from '../../src/config';
import { startTestServer, type TestServer } from './harness';

const COUNT_ACTORS = '{ actors { totalCount } }';

/** A GraphQL read sent as if through a proxy that forwarded `forwardedFor`, with `token` (null: none). */
async function readVia(server: TestServer, forwardedFor: string | null, token: string | null): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor !== null) headers['x-forwarded-for'] = forwardedFor;
  const response = await server.request('/graphql', { method: 'POST', token, headers, body: JSON.stringify({ query: COUNT_ACTORS }) });
  await response.arrayBuffer();
  return response.status;
}

/** Three failed authentications from the client `forwardedFor` names: the limit in these servers. */
async function failThrice(server: TestServer, forwardedFor: string): Promise<void> {
  for (let i = 0; i < 3; i++) expect(await readVia(server, forwardedFor, 'copnet_wrong')).toBe(200);
}

describe('the client address behind a proxy (COPNET_TRUST_PROXY)', () => {
  it('is the TCP peer when no proxy is trusted: X-Forwarded-For cannot move a client out of its lockout', async () => {
    const server = await startTestServer({ failureLimit: 3 });
    try {
      await failThrice(server, '203.0.113.1');
      expect(await readVia(server, '203.0.113.2', server.adminToken)).toBe(429);
      expect(await readVia(server, null, server.adminToken)).toBe(429);
    } finally {
      await server.stop();
    }
  });

  it('is the forwarded client behind a trusted proxy: one client locked out, the others served', async () => {
    const server = await startTestServer({ failureLimit: 3, trustedProxies: ['loopback'] });
    try {
      await failThrice(server, '203.0.113.1');
      expect(await readVia(server, '203.0.113.1', server.adminToken)).toBe(429);
      // A client that prepends an address of its choice is still the one the proxy saw.
      expect(await readVia(server, '198.51.100.7, 203.0.113.1', server.adminToken)).toBe(429);
      expect(
        (await server.request('/export/json?from=2019-08-01&to=2020-08-01', { headers: { 'x-forwarded-for': '203.0.113.1' } })).status,
      ).toBe(429);
      expect(await readVia(server, '203.0.113.2', server.adminToken)).toBe(200);
      expect(await readVia(server, null, server.adminToken)).toBe(200); // the proxy's own requests
    } finally {
      await server.stop();
    }
  });

  it('decides whether /metrics is asked from this machine: a forwarded outside client needs an admin token', async () => {
    const scrape = async (server: TestServer, forwardedFor: string | null, token: string | null) => {
      const response = await server.request('/metrics', {
        token,
        headers: forwardedFor === null ? {} : { 'x-forwarded-for': forwardedFor },
      });
      await response.arrayBuffer();
      return response.status;
    };
    // One server at a time: under test:neo4j a second test server empties the shared database, tokens included.
    const trusted = await startTestServer({ trustedProxies: ['127.0.0.1'] });
    try {
      expect(await scrape(trusted, null, null)).toBe(200);
      expect(await scrape(trusted, '203.0.113.9', null)).toBe(401);
      expect(await scrape(trusted, '203.0.113.9', await trusted.createToken('reader'))).toBe(403);
      expect(await scrape(trusted, '203.0.113.9', trusted.adminToken)).toBe(200);
      expect(await scrape(trusted, '127.0.0.1', null)).toBe(200);
    } finally {
      await trusted.stop();
    }
    const untrusted = await startTestServer();
    try {
      expect(await scrape(untrusted, '203.0.113.9', null)).toBe(200); // the header means nothing from an untrusted peer
    } finally {
      await untrusted.stop();
    }
  });

  it('is configured as addresses, subnets or names, and a wrong entry is refused naming the variable', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ COPNET_TRUST_PROXY: 'loopback, 10.0.0.0/8,192.0.2.4' }).trustedProxies).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.0.2.4',
    ]);
    expect(() => loadConfig({ COPNET_TRUST_PROXY: 'loopback,10.0.0.0/33' })).toThrow(
      /^Invalid configuration: COPNET_TRUST_PROXY="loopback,10\.0\.0\.0\/33": "10\.0\.0\.0\/33" is not an address, a subnet \(10\.0\.0\.0\/8\) or one of loopback, linklocal, uniquelocal \(.+\)$/,
    );
    expect(() => loadConfig({ COPNET_TRUST_PROXY: 'nginx' })).toThrow('"nginx" is not an address');
  });
});
