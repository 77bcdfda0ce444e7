import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { defaultWebDir } from '../../src/http/static-route';
import { startTestServer, type TestServer } from './harness';

/**
 * The dashboard's files as the built dist/web holds them (`npm run build`, which `npm test` runs
 * first): hashed assets precompressed at build time (scripts/build-web.mjs) and cached for a
 * year; index.html and the GraphiQL page revalidated with ETag and Last-Modified.
 */
const WEB = defaultWebDir();
const manifest = JSON.parse(readFileSync(join(WEB, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
/** The dashboard's entry script, the largest file of its first load. */
const ENTRY = manifest['index.html']!.file;

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: Buffer;
}

/** A GET over node:http, which (unlike fetch) hands back the bytes as sent. */
function get(server: TestServer, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive socket the server closes after its idle timeout
    // (5 s, reached between requests on a loaded machine) answered ECONNRESET.
    const sent = request(`${server.url}${path}`, { method: 'GET', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('the dashboard files', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const original = () => readFileSync(join(WEB, ENTRY));

  it('a hashed asset goes out as the build’s brotli copy, cached for a year, and decodes to the file', async () => {
    const answer = await get(server, `/${ENTRY}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['vary']).toBe('accept-encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.bytes).toEqual(readFileSync(join(WEB, `${ENTRY}.br`)));
    expect(answer.headers['content-length']).toBe(String(statSync(join(WEB, `${ENTRY}.br`)).size));
    expect(brotliDecompressSync(answer.bytes)).toEqual(original());
    // Precompressed at brotli's highest quality: well under a third of the file.
    expect(answer.bytes.length).toBeLessThan(original().length / 3);
  });

  it('gzip when brotli is not accepted (or refused with q=0); the file itself when neither is', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const answer = await get(server, `/${ENTRY}`, { 'accept-encoding': accept });
      expect([answer.status, answer.headers['content-encoding'], answer.headers['vary']]).toEqual([200, 'gzip', 'accept-encoding']);
      expect(gunzipSync(answer.bytes)).toEqual(original());
    }
    const plain = await get(server, `/${ENTRY}`, { 'accept-encoding': 'identity' });
    expect([plain.status, plain.headers['content-encoding'], plain.headers['vary']]).toEqual([200, undefined, 'accept-encoding']);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.bytes).toEqual(original());
  });

  it('index.html carries its ETag and Last-Modified, no-cache, and answers 304 when the browser’s copy is current', async () => {
    const stats = statSync(join(WEB, 'index.html'));
    const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    const first = await get(server, '/');
    expect(first.status).toBe(200);
    expect(first.headers['etag']).toBe(etag);
    expect(first.headers['last-modified']).toBe(stats.mtime.toUTCString());
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.bytes).toEqual(readFileSync(join(WEB, 'index.html')));

    const revalidated = await get(server, '/', { 'if-none-match': etag });
    expect([revalidated.status, revalidated.bytes.length, revalidated.headers['etag']]).toEqual([304, 0, etag]);
    expect(revalidated.headers['cache-control']).toBe('no-cache');
    expect((await get(server, '/', { 'if-none-match': `W/"other", ${etag}` })).status).toBe(304);
    expect((await get(server, '/', { 'if-none-match': '"an-older-build"' })).status).toBe(200);

    expect((await get(server, '/', { 'if-modified-since': stats.mtime.toUTCString() })).status).toBe(304);
    const earlier = new Date(stats.mtime.getTime() - 3_600_000).toUTCString();
    expect((await get(server, '/', { 'if-modified-since': earlier })).status).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await get(server, '/', { 'if-none-match': '"an-older-build"', 'if-modified-since': stats.mtime.toUTCString() })).status).toBe(
      200,
    );
  });

  it('the GraphiQL page is revalidated the same way', async () => {
    const stats = statSync(join(WEB, 'graphiql.html'));
    const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    const page = await get(server, '/graphql', { accept: 'text/html' });
    expect([page.status, page.headers['etag'], page.headers['cache-control']]).toEqual([200, etag, 'no-cache']);
    expect(page.bytes).toEqual(readFileSync(join(WEB, 'graphiql.html')));
    const revalidated = await get(server, '/graphql', { accept: 'text/html', 'if-none-match': etag });
    expect([revalidated.status, revalidated.bytes.length]).toEqual([304, 0]);
  });
});
