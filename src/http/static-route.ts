import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { acceptedEncodings } from './compression';

/**
 * The dashboard's built files (dist/web, made by `npm run build`): `/` is the dashboard,
 * `/assets/…` its hashed scripts and styles, and the GraphQL IDE page for browsers at
 * /graphql. Every page carries a Content-Security-Policy that lets the browser reach this
 * origin only: no CDN, web font, analytics or telemetry request can leave it. Hashed assets are
 * cached for a year and sent precompressed; the two pages are revalidated (ETag, Last-Modified).
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** The build's compressed copies, best first (brotli is about a fifth smaller than gzip on these files). */
const PRECOMPRESSED = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** dist/web next to the package.json above this file (from src/ under ts-jest, dist/src/ when built). */
export function defaultWebDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

export interface WebFiles {
  /** Serves `/` and `/assets/…`; false when the path is not one of the dashboard's. */
  serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<boolean>;
  /** The GraphQL IDE page (GraphiQL), for a browser's GET of /graphql. */
  serveIde(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export function webFiles(webDir: string): WebFiles {
  const root = resolve(webDir);
  /**
   * A hashed asset (its name changes with its content): cached for a year, and sent as the
   * build's .br or .gz copy when the client accepts it (scripts/build-web.mjs writes them).
   */
  async function sendAsset(request: IncomingMessage, response: ServerResponse, file: string, stats: Stats): Promise<void> {
    const encoding = precompressed(file, request.headers['accept-encoding']);
    if (encoding) response.setHeader('content-encoding', encoding.name);
    // Whether or not this answer is compressed, another Accept-Encoding may get other bytes.
    if (encoding || hasPrecompressed(file)) response.setHeader('vary', 'accept-encoding');
    await sendFile(request, response, file, encoding?.file ?? file, encoding?.stats ?? stats, {
      'cache-control': 'public, max-age=31536000, immutable',
    });
  }
  /**
   * A page whose name stays (index.html, graphiql.html): revalidated on every use (no-cache)
   * with its ETag and Last-Modified, answered 304 when the browser's copy is current.
   */
  async function sendPage(request: IncomingMessage, response: ServerResponse, file: string, stats: Stats): Promise<void> {
    const validators = {
      'cache-control': 'no-cache',
      etag: `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`,
      'last-modified': stats.mtime.toUTCString(),
    };
    if (notModified(request, validators.etag, stats.mtime)) {
      response.writeHead(304, { ...validators, ...SECURITY_HEADERS });
      response.end();
      return;
    }
    await sendFile(request, response, file, file, stats, validators);
  }
  async function sendFile(
    request: IncomingMessage,
    response: ServerResponse,
    file: string,
    sent: string,
    stats: Stats,
    caching: Record<string, string>,
  ): Promise<void> {
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stats.size,
      ...caching,
      ...SECURITY_HEADERS,
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await pipeline(createReadStream(sent), response);
  }
  function notBuilt(response: ServerResponse, what: string): void {
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>copnet: ${what} not built</title></head>` +
        `<body><h1>${what} is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it), then reload. ` +
        `The GraphQL API answers POST and GET queries at /graphql meanwhile.</p></body></html>`,
    );
  }
  return {
    async serve(request, response, pathname) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (pathname === '/' || pathname === '/index.html') {
        const index = join(root, 'index.html');
        const stats = fileStats(index);
        if (!stats) notBuilt(response, 'The dashboard');
        else await sendPage(request, response, index, stats);
        return true;
      }
      if (!pathname.startsWith('/assets/')) return false;
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return false;
      }
      // No file name holds a NUL (the file system would refuse it with an error naming the path).
      if (decoded.includes('\0')) return false;
      const file = normalize(join(root, decoded));
      const stats = file.startsWith(root + sep) ? fileStats(file) : undefined;
      if (!stats) return false;
      await sendAsset(request, response, file, stats);
      return true;
    },
    async serveIde(request, response) {
      const page = join(root, 'graphiql.html');
      const stats = fileStats(page);
      if (!stats) return notBuilt(response, 'GraphiQL, the GraphQL IDE,');
      await sendPage(request, response, page, stats);
    },
  };
}

/** The build's compressed copy of `file` that the client accepts (brotli first), if there is one. */
function precompressed(file: string, acceptEncoding: string | undefined): { name: string; file: string; stats: Stats } | undefined {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const { name, suffix } of PRECOMPRESSED) {
    if (!accepted.has(name) && !(name === 'gzip' && accepted.has('*'))) continue;
    const stats = fileStats(file + suffix);
    if (stats) return { name, file: file + suffix, stats };
  }
  return undefined;
}

function hasPrecompressed(file: string): boolean {
  return PRECOMPRESSED.some(({ suffix }) => fileStats(file + suffix) !== undefined);
}

/**
 * Whether the browser's copy is current: If-None-Match (when sent, it alone decides) names the
 * ETag, or If-Modified-Since is no earlier than the file's time (HTTP dates count whole seconds).
 */
function notModified(request: IncomingMessage, etag: string, modified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === etag || tag === '*');
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000);
}

/** The file's stats in one system call; undefined when it is missing, not a regular file or not a name the system takes. */
function fileStats(file: string): Stats | undefined {
  let stats: Stats | undefined;
  try {
    stats = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENAMETOOLONG, ENOTDIR, EACCES...: not one of the dashboard's files
  }
  return stats?.isFile() ? stats : undefined;
}

/** A browser opening /graphql (HTML wanted, no query in the URL) gets the IDE; API clients never do. */
export function wantsIde(request: IncomingMessage, url: URL): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (url.searchParams.has('query')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
