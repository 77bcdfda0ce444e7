import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../../src/http/compression';
import { peerExchange, RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

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

/** A GET of an export over node:http (the bytes as sent) with that Accept-Encoding, as the admin. */
function download(
  server: TestServer,
  path: string,
  acceptEncoding: string | null,
): Promise<{ status: number; encoding: string | undefined; vary: string | undefined; type: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      `${server.url}${path}`,
      {
        headers: {
          authorization: `Bearer ${server.adminToken}`,
          ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            encoding: response.headers['content-encoding'],
            vary: response.headers.vary,
            type: response.headers['content-type'],
            bytes: Buffer.concat(chunks),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

describe('compressed export streams', () => {
  let server: TestServer;
  const window = 'from=2019-01-01T00:00:00Z&to=2020-01-01T00:00:00Z';
  beforeAll(async () => {
    server = await startTestServer();
    expect((await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK })).errors).toBeUndefined();
    const interactions = [
      peerExchange('2019-03-01', 'school-douglass', ['school-fresno']),
      peerExchange('2019-04-01', 'school-fresno', ['nsi-core']),
      peerExchange('2019-05-01', 'bmgf', ['nsi-core', 'nsi-baltimore']),
    ];
    expect((await server.gql(RECORD_INTERACTIONS, { interactions })).errors).toBeUndefined();
  });
  afterAll(() => server.stop());

  it('a GraphML export streams brotli or gzip when accepted, decoding to the uncompressed body', async () => {
    const plain = await download(server, `/export/graphml?${window}`, null);
    expect([plain.status, plain.encoding, plain.vary, plain.type]).toEqual([
      200,
      undefined,
      'accept-encoding',
      'application/graphml+xml; charset=utf-8',
    ]);
    expect(plain.bytes.toString('utf8')).toContain('<node id="school-fresno">');
    const br = await download(server, `/export/graphml?${window}`, 'gzip, deflate, br');
    expect([br.status, br.encoding, br.vary]).toEqual([200, 'br', 'accept-encoding']);
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 2);
    const gz = await download(server, `/export/graphml?${window}`, 'gzip');
    expect([gz.status, gz.encoding]).toEqual([200, 'gzip']);
    expect(gunzipSync(gz.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
  });

  it('the CSV zip goes out as it is: it is compressed already', async () => {
    const zip = await download(server, `/export/csv?${window}`, 'br, gzip');
    expect([zip.status, zip.encoding, zip.vary, zip.type]).toEqual([200, undefined, undefined, 'application/zip']);
    // A zip file's local header signature, "PK\x03\x04".
    expect(zip.bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });
});
