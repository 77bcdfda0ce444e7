import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../../src/http/compression';
import { startTestServer, type TestServer } from './harness';

const LARGE = `query Types { __schema { types { name kind } } }`;
const SMALL = `query Small { __typename }`;

/** POSTs GraphQL over node:http (which, unlike fetch, hands back the bytes as sent) with that Accept-Encoding. */
function post(
  server: TestServer,
  query: string,
  acceptEncoding: string | null,
): Promise<{ encoding: string | undefined; vary: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      `${server.url}/graphql`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${server.adminToken}`,
          ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ encoding: response.headers['content-encoding'], vary: response.headers.vary, bytes: Buffer.concat(chunks) }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(JSON.stringify({ query }));
  });
}

describe('compressed GraphQL answers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('answers of 1 kB or more decode to the same JSON with brotli, gzip or none', async () => {
    const plain = await post(server, LARGE, null);
    expect(plain.encoding).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(1024);
    const expected: unknown = JSON.parse(plain.bytes.toString('utf8'));
    const br = await post(server, LARGE, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(br.vary).toBe('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString('utf8'))).toEqual(expected);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
    const gz = await post(server, LARGE, 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.bytes).toString('utf8'))).toEqual(expected);
  });

  it('small answers go out as they are', async () => {
    const small = await post(server, SMALL, 'br, gzip');
    expect(small.encoding).toBeUndefined();
    expect(JSON.parse(small.bytes.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
  });

  it('picks brotli, then gzip, and honours q=0', () => {
    expect(['br;q=1.0, gzip', 'gzip, br;q=0', 'identity', '*', undefined, 'GZIP'].map(chooseEncoding)).toEqual([
      'br',
      'gzip',
      null,
      'gzip',
      null,
      'gzip',
    ]);
  });
});
