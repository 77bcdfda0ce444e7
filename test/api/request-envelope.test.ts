import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startTestServer, type GraphqlResponse, type TestServer } from './harness';

/**
 * What wraps a query, as a hostile or broken client sends it: operation names, subscriptions,
 * persisted-query extensions, deeply nested variables and request targets that are not paths.
 * Each used to answer 500 or INTERNAL_SERVER_ERROR (stop 31's probe); each now gets a 400 with a
 * code, and the server goes on. The response cache is on, as in a production deployment.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ responseCache: true });
});
afterAll(async () => {
  await server?.stop();
});

async function post(body: unknown): Promise<GraphqlResponse> {
  const response = await server.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphqlResponse, 'status'>) };
}

async function expectAlive(): Promise<void> {
  expect(await post({ query: '{ actors { totalCount } }' })).toEqual({ status: 200, data: { actors: { totalCount: 0 } } });
}

function expectNoInternalErrors(): void {
  expect(server.logged.filter((line) => line.startsWith('internal error') || line.startsWith('request failed'))).toEqual([]);
}

afterEach(expectNoInternalErrors);

describe('operation names', () => {
  it('answers an unknown operationName with OPERATION_RESOLUTION_FAILURE (400), not 500, with the cache on', async () => {
    expect(await post({ query: '{ __typename }', operationName: 'X' })).toEqual({
      status: 400,
      errors: [{ message: 'Unknown operation named "X".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }],
    });
    await expectAlive();
  });

  it('asks for the operationName when the document holds several operations', async () => {
    const query = 'query A { __typename } query B { __typename }';
    expect(await post({ query })).toEqual({
      status: 400,
      errors: [
        {
          message: 'Must provide operation name if query contains multiple operations.',
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
        },
      ],
    });
    // And answers (from the cache the second time) the one named.
    for (let i = 0; i < 2; i += 1)
      expect(await post({ query, operationName: 'B' })).toEqual({ status: 200, data: { __typename: 'Query' } });
  });
});

describe('subscriptions', () => {
  it('refuses a subscription with BAD_REQUEST: the schema has none', async () => {
    expect(await post({ query: 'subscription { __typename }' })).toEqual({
      status: 400,
      errors: [
        {
          message: 'Subscriptions are not supported: the schema has no Subscription type; send the query again instead',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    await expectAlive();
  });
});

describe('persisted-query extensions', () => {
  const query = '{ __typename }';
  const hash = createHash('sha256').update(query).digest('hex');

  it.each([
    [
      { version: 2, sha256Hash: hash },
      'extensions.persistedQuery.version',
      'extensions.persistedQuery.version: 2 is not supported; the version is 1',
    ],
    ['abc', 'extensions.persistedQuery', 'extensions.persistedQuery: "abc" is not an object with version and sha256Hash'],
    [
      { version: 1, sha256Hash: 'ab'.repeat(32) },
      'extensions.persistedQuery.sha256Hash',
      `extensions.persistedQuery.sha256Hash: "${'ab'.repeat(32)}" is not the SHA-256 of the query sent with it`,
    ],
    [
      { version: 1, sha256Hash: 42 },
      'extensions.persistedQuery.sha256Hash',
      'extensions.persistedQuery.sha256Hash: 42 is not a SHA-256 hash (64 lowercase hex digits)',
    ],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (persistedQuery, field, message) => {
    expect(await post({ query, extensions: { persistedQuery } })).toEqual({
      status: 400,
      errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
    });
  });

  it('still registers a query under its hash and answers the hash alone, by POST and by GET', async () => {
    const persistedQuery = { version: 1, sha256Hash: hash };
    expect(await post({ query, extensions: { persistedQuery } })).toEqual({ status: 200, data: { __typename: 'Query' } });
    expect(await post({ extensions: { persistedQuery } })).toEqual({ status: 200, data: { __typename: 'Query' } });
    const get = await server.request(`/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect([get.status, await get.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'cd'.repeat(32) } } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('checks a GET request’s extensions parameter the same way', async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 2, sha256Hash: hash } });
    const get = await server.request(`/graphql?query=${encodeURIComponent(query)}&extensions=${encodeURIComponent(extensions)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect([get.status, await get.json()]).toEqual([
      400,
      {
        errors: [
          {
            message: 'extensions.persistedQuery.version: 2 is not supported; the version is 1',
            extensions: { code: 'BAD_USER_INPUT', field: 'extensions.persistedQuery.version' },
          },
        ],
      },
    ]);
  });
});

describe('variables nested deeper than any input', () => {
  const QUERY = 'query Q($kinds: [ActorKind!]) { actors(filter: { kinds: $kinds }) { totalCount } }';
  // Spelt as text: JSON.stringify itself overflows the stack on such values.
  const nested = (levels: number): string => `${'['.repeat(levels)}"SCHOOL"${']'.repeat(levels)}`;
  const postText = async (body: string): Promise<GraphqlResponse> => {
    const response = await server.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, ...((await response.json()) as Omit<GraphqlResponse, 'status'>) };
  };

  it('refuses 5,000 levels (a 30 KB body) with BAD_USER_INPUT naming the variable, not a stack overflow', async () => {
    const response = await postText(`{"query": ${JSON.stringify(QUERY)}, "variables": {"kinds": ${nested(5000)}}}`);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: `$kinds${'[0]'.repeat(33)}: the value nests lists and objects more than 32 levels deep, the most a variable may`,
        extensions: { code: 'BAD_USER_INPUT', field: `$kinds${'[0]'.repeat(33)}`, limit: 32, actual: null },
      },
    ]);
    await expectAlive();
  });

  it('refuses them in a GET request’s variables parameter too', async () => {
    const variables = encodeURIComponent(`{"kinds": ${nested(1000)}}`);
    const get = await server.request(`/graphql?query=${encodeURIComponent(QUERY)}&variables=${variables}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as GraphqlResponse).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: `$kinds${'[0]'.repeat(33)}`,
      limit: 32,
      actual: null,
    });
  });

  it('leaves values within the limit to graphql-js, which names what does not fit the type', async () => {
    const response = await postText(`{"query": ${JSON.stringify(QUERY)}, "variables": {"kinds": ${nested(32)}}}`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/^Variable "\$kinds" got invalid value /);
    expect(await postText(`{"query": ${JSON.stringify(QUERY)}, "variables": {"kinds": ${nested(1)}}}`)).toEqual({
      status: 200,
      data: { actors: { totalCount: 0 } },
    });
  });
});

describe('body bytes and encodings', () => {
  const sendBytes = async (body: Buffer, headers: Record<string, string> = {}) => {
    const response = await server.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: new Uint8Array(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const countText = '{"query":"{ actors(filter: { search: \\"';

  it('refuses a body that is not valid UTF-8, small or large, instead of storing U+FFFD for its bytes', async () => {
    const invalid = Buffer.concat([Buffer.from(countText), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\\" }) { totalCount } }"}')]);
    const refusal = {
      status: 400,
      body: { errors: [{ message: 'Request body is not valid UTF-8; send it as UTF-8', extensions: { code: 'BAD_REQUEST' } }] },
    };
    expect(await sendBytes(invalid)).toEqual(refusal);
    // Over 64 KiB: checked on the body checker's thread, with the same answer.
    const padding = Buffer.from(`${' '.repeat(70_000)}`);
    expect(await sendBytes(Buffer.concat([invalid.subarray(0, invalid.length - 1), padding, Buffer.from('}')]))).toEqual(refusal);
    // A U+FFFD the client did send (EF BF BD) is text like any other.
    const sent = Buffer.concat([Buffer.from(countText), Buffer.from([0xef, 0xbf, 0xbd]), Buffer.from('\\" }) { totalCount } }"}')]);
    expect(await sendBytes(sent)).toEqual({ status: 200, body: { data: { actors: { totalCount: 0 } } } });
  });

  it('answers a compressed or otherwise encoded body 415, naming the encoding', async () => {
    const body = Buffer.from('{"query":"{ __typename }"}');
    for (const encoding of ['gzip', 'bogus']) {
      expect(await sendBytes(body, { 'content-encoding': encoding })).toEqual({
        status: 415,
        body: {
          errors: [
            { message: `Content-Encoding "${encoding}" is not supported; send the body uncompressed`, extensions: { code: 'BAD_REQUEST' } },
          ],
        },
      });
    }
    expect(await sendBytes(body, { 'content-encoding': 'identity' })).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

describe('request targets that are not paths', () => {
  /** Sends `target` as the request line's target, which fetch would normalise. */
  function rawGet(target: string): Promise<{ status: number; body: string }> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const request = httpRequest({ hostname, port, path: target, method: 'GET' }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it.each(['//', '//[', '//x:99999'])('answers %s as a path: a JSON 404, not a 500', async (target) => {
    expect(await rawGet(target)).toEqual({
      status: 404,
      body: JSON.stringify({ error: `No route for ${target}; the API is at /graphql` }),
    });
  });

  it('answers an absolute target that is no URL with a JSON 400', async () => {
    expect(await rawGet('http://[/')).toEqual({ status: 400, body: JSON.stringify({ error: 'Request target http://[/ is not a path' }) });
    await expectAlive();
  });
});

describe('a request that does not finish arriving', () => {
  it('gets 408 once its time to arrive is up, and the server answers others meanwhile', async () => {
    const slow = await startTestServer({ requestTimeoutMs: 400 });
    try {
      const { hostname, port } = new URL(slow.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          // A body of 100 bytes announced, one sent: the rest never comes.
          socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
        });
        let received = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (received += chunk));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect((await slow.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await slow.stop();
    }
  });
});
