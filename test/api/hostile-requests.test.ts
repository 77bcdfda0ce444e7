import { request as httpRequest } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { peerExchange, RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

/**
 * Issue 19, as a hostile client: requests that used to stall, crash or flood the server are
 * refused at once, with short messages and short log lines, and the server stays up.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const COUNT = `{ actors { totalCount } }`;

async function expectAlive(actors = 0): Promise<void> {
  const alive = await server.gql<{ actors: { totalCount: number } }>(COUNT);
  expect(alive.data).toEqual({ actors: { totalCount: actors } });
}

describe('query text bounded before parsing', () => {
  it('refuses 250,000 __typename aliases by their token count, without a token', async () => {
    const query = `{ ${Array.from({ length: 250_000 }, (_, i) => `a${i}:__typename`).join(' ')} }`;
    const response = await server.gqlAs(null, query);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: 'Query has more than 20000 tokens, the limit (COPNET_MAX_QUERY_TOKENS); send values as variables',
        extensions: { code: 'QUERY_TOO_LARGE', limit: 20000, actual: null },
      },
    ]);
    await expectAlive();
  });

  it('answers QUERY_TOO_DEEP, not a stack overflow, for a query nested 3,000 levels', async () => {
    const query = `${'{ a '.repeat(3000)}${'} '.repeat(3000)}`;
    const response = await server.gql(query);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: 'Query nests brackets more than 44 levels deep; fields may nest 12 (COPNET_MAX_QUERY_DEPTH)',
        extensions: { code: 'QUERY_TOO_DEEP', limit: 12, actual: null },
      },
    ]);
    // Nested values (a list of lists) are bounded the same way, in GET queries too.
    const get = await server.request(`/graphql?query=${encodeURIComponent(`{ actors(filter: ${'['.repeat(3000)}) { totalCount } }`)}`);
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('QUERY_TOO_DEEP');
    await expectAlive();
  });

  it('still measures depths under the bracket bound exactly', async () => {
    const query = `{ actor(id: "bmgf") { ${'affiliation { '.repeat(40)}id${' }'.repeat(40)} } }`;
    const response = await server.gql(query);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 12, actual: 42 });
  });
});

describe('bodies over 64 KiB are parsed and measured off the HTTP thread, with the same answers (stalls 1-4)', () => {
  const post = async (body: string) => {
    const response = await server.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('answers a large body that passes its checks as the same body sent small', async () => {
    const padding = 'x'.repeat(200_000);
    const answer = await post(JSON.stringify({ query: '{ __typename }', variables: { padding } }));
    expect(answer).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it("refuses a large body that is not JSON with JSON.parse's own message", async () => {
    const text = `{"query": "{ __typename }", "variables": {"padding": "${'x'.repeat(200_000)}"}`;
    let reason = '';
    try {
      JSON.parse(text);
    } catch (error) {
      reason = (error as SyntaxError).message;
    }
    expect(reason).not.toBe('');
    expect(await post(text)).toEqual({
      status: 400,
      body: { errors: [{ message: `Request body is not valid JSON: ${reason}`, extensions: { code: 'BAD_REQUEST' } }] },
    });
    await expectAlive();
  });
});

describe('error messages quote a short prefix of what the client sent', () => {
  it('refuses a 4.8 MB field name before parsing, quoting 120 characters of it', async () => {
    const name = `f${'x'.repeat(4_800_000)}`;
    const response = await server.gql(`{ ${name} }`);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: `Query name ${name.slice(0, 117)}... is 4800001 characters long; names are at most 128`,
        extensions: { code: 'QUERY_TOO_LARGE', limit: 128, actual: 4800001 },
      },
    ]);
  });

  it('shortens a long unknown field name in the message of graphql-js', async () => {
    const name = `f${'x'.repeat(127)}`;
    const response = await server.gql(`{ ${name} }`);
    expect(response.errors).toEqual([
      {
        message: `Cannot query field "${name.slice(0, 116)}... on type "Query".`,
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('shortens a long variable value in a type error', async () => {
    const value = 'y'.repeat(10_000);
    const response = await server.gql(`query($first: Int) { actors(first: $first) { totalCount } }`, { first: value });
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(response.errors?.[0]?.message).toBe(
      `Variable "$first" got invalid value "${'y'.repeat(116)}...; Int cannot represent non-integer value: "${'y'.repeat(116)}...`,
    );
  });
});

describe('paths and aborted bodies', () => {
  it('answers GET /assets/%00 with a JSON 404, logging nothing', async () => {
    const before = server.logged.length;
    for (const path of ['/assets/%00', '/assets/a%00b.js', `/assets/${'x'.repeat(5000)}.js`]) {
      const response = await server.request(path, { token: null });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(/^No route for \/assets\//);
      expect(body.error.length).toBeLessThan(200);
    }
    expect(server.logged.slice(before)).toEqual([]);
  });

  it('logs a client that drops its body midway as one line, without a stack', async () => {
    const before = server.logged.length;
    const url = new URL(`${server.url}/graphql`);
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: url.hostname,
        port: url.port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '10000', authorization: `Bearer ${server.adminToken}` },
      });
      request.on('error', () => resolve());
      request.write('{"query": "{ actors { totalCount');
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 100);
    });
    const deadline = Date.now() + 2000;
    while (server.logged.length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.logged.slice(before)).toEqual([
      'client aborted POST /graphql: The client closed the connection after 32 bytes of its request body: undefined',
    ]);
    await expectAlive();
  });
});

describe('exports admitted a few at a time', () => {
  it('answers a caller over its share of parallel exports 429 with Retry-After, and serves it again after', async () => {
    await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK });
    await server.gql(RECORD_INTERACTIONS, {
      interactions: [peerExchange('2019-09-10', 'bmgf', ['nsi-core']), peerExchange('2020-10-10', 'nsi-core', ['nsi-ifl'])],
    });
    const path = '/export/gexf-dynamic?from=2018-08-01&to=2025-08-01&step=MONTH';
    const responses = await Promise.all(Array.from({ length: 12 }, () => server.request(path)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({
      error: 'You have 2 exports running, the most one caller may; try again when one is done',
      code: 'TOO_MANY_REQUESTS',
    });
    await Promise.all(responses.map((r) => r.arrayBuffer().catch(() => undefined)));
    expect((await server.request(path)).status).toBe(200);
    await expectAlive(SMALL_NETWORK.length);
  });
});

// Last in the file: its second test server empties the one Neo4j test database under
// `npm run test:neo4j`, taking the first server's admin token with it.
describe('introspection needs a reader unless the schema is public', () => {
  it('refuses anonymous introspection with 401 and serves it to a reader', async () => {
    const anonymous = await server.gqlAs(null, getIntrospectionQuery());
    expect(anonymous.status).toBe(401);
    expect(anonymous.data).toBeUndefined();
    expect(anonymous.errors).toEqual([
      {
        message: 'This needs the reader role: send a valid credential as "Authorization: Bearer <token>"',
        extensions: { code: 'UNAUTHENTICATED', requiredRole: 'reader' },
      },
    ]);
    expect((await server.gqlAs('copnet_wrong', `{ __type(name: "Actor") { name } }`)).status).toBe(401);
    const reader = await server.createToken('reader', 'introspecting-reader');
    const answered = await server.gqlAs<{ __type: { name: string } }>(reader, `{ __type(name: "Actor") { name } }`);
    expect(answered).toEqual({ status: 200, data: { __type: { name: 'Actor' } } });
    // __typename is no introspection of the schema.
    expect(await server.gqlAs(null, `{ __typename }`)).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('opens it to anyone with COPNET_PUBLIC_SCHEMA=on, and nothing else', async () => {
    const open = await startTestServer({ publicSchema: true });
    try {
      const schema = await open.gqlAs<{ __schema: { queryType: { name: string } } }>(null, `{ __schema { queryType { name } } }`);
      expect(schema).toEqual({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
      const data = await open.gqlAs(null, COUNT);
      expect(data.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', requiredRole: 'reader' });
    } finally {
      await open.stop();
    }
  });
});

describe('large bodies waiting for the body checker, bounded', () => {
  it('answers 503 with Retry-After past maxWaitingBodies, the others as one alone, and checks bodies again once the queue drains', async () => {
    const busy = await startTestServer({ maxWaitingBodies: 1 });
    try {
      // 3.9 MB: parsed and measured on the checker's thread (more than INLINE_BODY_BYTES)
      const tags = Array.from({ length: 300_000 }, (_, i) => `tag-${i}`);
      const body = JSON.stringify({
        query: UPSERT_ACTORS,
        variables: { actors: [{ id: 'many-tags', name: 'Tags', kind: 'SCHOOL', tags }] },
      });
      const send = async () => {
        const response = await fetch(`${busy.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${busy.adminToken}` },
          body,
        });
        return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
      };
      const alone = await send();
      expect(alone.status).toBe(400);
      const answers = await Promise.all(Array.from({ length: 16 }, send));
      const refused = answers.filter((answer) => answer.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      for (const answer of refused) {
        expect(answer).toEqual({
          status: 503,
          retryAfter: '2',
          body: {
            errors: [
              {
                message: 'The server is checking 1 large request bodies, its limit; try again shortly',
                extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 2 },
              },
            ],
          },
        });
      }
      for (const answer of answers.filter((a) => a.status !== 503)) expect(answer).toEqual(alone);
      expect(await send()).toEqual(alone);
    } finally {
      await busy.stop();
    }
  });
});
