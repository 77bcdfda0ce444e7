import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip, type BrotliCompress, type Gzip } from 'node:zlib';

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The codings an Accept-Encoding header accepts, lower-cased (those with q=0 left out). */
export function acceptedEncodings(acceptEncoding: string | undefined): Set<string> {
  return new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]!.trim()),
  );
}

/** The encoding to answer with: brotli when accepted, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = acceptedEncodings(acceptEncoding);
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

/**
 * Ends the response with `body`, brotli- or gzip-compressed when the client accepts it and the
 * body is at least MIN_COMPRESSED_BYTES (off the event loop: zlib's thread pool). Brotli at
 * quality 4: about gzip's size at a fraction of brotli's default (11) cost.
 */
export async function endCompressed(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> {
  response.setHeader('vary', 'accept-encoding');
  const encoding = Buffer.byteLength(body) >= MIN_COMPRESSED_BYTES ? chooseEncoding(request.headers['accept-encoding']) : null;
  if (encoding === null) {
    response.end(body);
    return;
  }
  const compressed = encoding === 'br' ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : await gzipAsync(body);
  response.setHeader('content-encoding', encoding);
  response.setHeader('content-length', compressed.length);
  response.end(compressed);
}

/** Content types already compressed (a zip of CSV files): compressing them again costs and saves nothing. */
const ALREADY_COMPRESSED = /^(application\/(zip|gzip|x-gzip)|image\/(png|jpeg|webp)|font\/woff2?)\b/i;

/**
 * Streamed answers are exports of up to tens of megabytes, compressed on zlib's thread pool at
 * the HTTP thread's priority (worker threads run at nice 10): lighter settings leave that core to
 * the HTTP thread. A monthly gexf-dynamic of the demo's 2018–2025 (63 MB): gzip level 6 688 ms →
 * 5.1 MB, level 3 300 ms → 6.2 MB; brotli quality 4 540 ms → 3.6 MB, quality 2 217 ms → 4.2 MB.
 */
const STREAM_GZIP_LEVEL = 3;
const STREAM_BROTLI_QUALITY = 2;

/**
 * For a streamed answer (an export): a brotli or gzip stream to pipe the body through when the
 * client accepts one and the content type is not compressed already, with Content-Encoding and
 * Vary set; null to send the body as it is (Vary is set either way when it could differ).
 */
export function compressingStream(request: IncomingMessage, response: ServerResponse, contentType: string): BrotliCompress | Gzip | null {
  if (ALREADY_COMPRESSED.test(contentType)) return null;
  response.setHeader('vary', 'accept-encoding');
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding === null) return null;
  response.setHeader('content-encoding', encoding);
  return encoding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: STREAM_BROTLI_QUALITY } })
    : createGzip({ level: STREAM_GZIP_LEVEL });
}
