import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { AccessError, CredentialRefusedError, TooManyFailuresError } from '../auth/access-error';
import type { Authenticator } from '../auth/authenticator';
import { EXPORT_ROLE, requireRole } from '../auth/policy';
import { shortenText, StoreUnavailableError } from '../domain/errors';
import { createRequestContext, type RequestContext } from '../graphql/context';
import type { Services } from '../services/services';
import { runAsCaller } from '../services/work/work-caller';
import { ErrorCode } from '../graphql/errors';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../graphql/limits/operation-limits';
import { urlParametersOf, type BodyCheck } from '../graphql/limits/request-body';
import { createApolloServer } from './apollo';
import type { Logger } from '../logging/logger';
import { endCompressed } from './compression';
import { handleCors } from './cors';
import { EXPORT_RETRY_AFTER_SECONDS, ExportAdmission, type ExportConcurrency } from './export-admission';
import { exportRoute } from './export-route';
import { serveHealth } from './health-routes';
import { serveMetrics } from './metrics-route';
import { CopnetMetrics } from './prometheus-metrics';
import { noteAuthenticated, noteOperation, requestObserver } from './request-observer';
import { reportRoute } from './report-route';
import { requestSignal } from './request-signal';
import { BodyCheckerBusyError, readGraphqlBody, startBodyChecker } from './body-checker';
import { clientAddressOf, clientAddressResolver, rememberClientAddress } from './client-address';
import { BodyTooLargeError, ClientAbortedError } from './read-body';
import type { RouteHandler } from './route-handler';
import { sendJson } from './send-json';
import { surveyExportRoute } from './survey-export-route';
import { defaultWebDir, wantsIde, webFiles } from './static-route';

/** How long a request's headers and body may take to arrive, by default (HttpServerOptions.requestTimeoutMs). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface HttpServerOptions {
  readonly port: number;
  readonly host: string;
  readonly maxBodyBytes: number;
  /** Operation size limits; DEFAULT_OPERATION_LIMITS when absent. */
  readonly limits?: OperationLimits;
  /** A request's metrics and export work is cancelled after this long (COPNET_WORK_TIMEOUT_MS). Default 120,000. */
  readonly workTimeoutMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
  /** The built dashboard (default: dist/web of this package). */
  readonly webDir?: string;
  /** Checks credentials (src/auth); /health alone is open. */
  readonly authenticator: Authenticator;
  /** Large GraphQL bodies checked or waiting for the body checker's thread at once (DEFAULT_MAX_WAITING_BODIES: 8); more get 503. */
  readonly maxWaitingBodies?: number;
  /** Exports running at once (DEFAULT_EXPORT_CONCURRENCY: 4, 2 per caller). */
  readonly exportConcurrency?: ExportConcurrency;
  /** COPNET_PUBLIC_SCHEMA=on: introspection without a credential (default: a reader's). */
  readonly publicSchema?: boolean;
  /** Browser origins allowed to call the API cross-origin (COPNET_CORS_ORIGINS); default none. */
  readonly corsOrigins?: readonly string[];
  /** Reuse answers to repeated reads until the next write (COPNET_RESPONSE_CACHE); default off. */
  readonly responseCache?: boolean;
  /** Prometheus metrics served at /metrics (a new set when absent). */
  readonly metrics?: CopnetMetrics;
  /** One JSON line per answered request (none when absent, as in tests). */
  readonly requestLog?: Logger;
  /** A request whose headers and body have not arrived after this long gets 408 (COPNET_REQUEST_TIMEOUT_MS, default 60 s). */
  readonly requestTimeoutMs?: number;
  /** Proxies whose X-Forwarded-For names the client (COPNET_TRUST_PROXY, client-address.ts); default none. */
  readonly trustedProxies?: readonly string[];
}

export interface RunningServer {
  readonly url: string;
  readonly httpServer: Server;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * The HTTP front: GraphQL at /graphql (POST, and GET for queries; GraphiQL for browsers),
 * exports at /export/<format>, the dashboard at / and /assets/, a body limit answered with
 * 413, JSON 404s elsewhere.
 */
export async function startHttpServer(schema: GraphQLSchema, services: Services, options: HttpServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[copnet] ${message}`, error ?? ''));
  const authenticator = options.authenticator;
  const admission = new ExportAdmission(options.exportConcurrency);
  const routes: Readonly<Record<string, RouteHandler>> = {
    '/export/survey': requiringRole(authenticator, surveyExportRoute(services, authenticator, log), log), // issue 23; before '/export/'
    // Exports and reports share one admission: both read ranges and compute on the server.
    '/export/': requiringRole(authenticator, admitted(admission, exportRoute(services.exports, log)), log),
    '/report': requiringRole(authenticator, admitted(admission, reportRoute(services.reports, log)), log),
  };
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const web = webFiles(options.webDir ?? defaultWebDir());
  const metrics = options.metrics ?? new CopnetMetrics();
  metrics.watch(services, authenticator);
  const observe = requestObserver(metrics, options.requestLog);
  const addressOf = clientAddressResolver(options.trustedProxies ?? []);
  // A request's headers and body must arrive within this (Node's default is 300 s, so a client trickling a body held a
  // connection and its memory that long); a slow answer is not cut: exports stream for as long as they take.
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const httpServer = createServer({
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 20_000),
    // Node checks the deadlines this often (default 30 s, which added up to 30 s to each).
    connectionsCheckingInterval: Math.min(Math.ceil(requestTimeout / 4), 5_000),
  });
  const limits = options.limits ?? DEFAULT_OPERATION_LIMITS;
  const apollo = createApolloServer(schema, httpServer, log, limits, {
    responseCache: options.responseCache ?? false,
    publicSchema: options.publicSchema ?? false,
  });
  await apollo.start();
  startBodyChecker();

  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    observe(request, response);
    rememberClientAddress(request, addressOf);
    handle(request, response).catch((error: unknown) => {
      if (error instanceof ClientAbortedError) {
        // Anyone can do this at will: one line, no stack, so it cannot flood the log.
        log(`client aborted ${request.method ?? '?'} ${pathOf(request)}: ${error.message}`);
        response.destroy();
        return;
      }
      log('request failed', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal server error' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestTarget(request);
    if (url === null) return sendJson(response, 400, { error: `Request target ${shortenText(request.url ?? '')} is not a path` });
    if (handleCors(request, response, corsOrigins) === 'answered') return;
    // Only GraphQL and the export routes run work that a disconnect or the time limit cancels.
    const workSignal = () => requestSignal(response, options.workTimeoutMs ?? 120_000);
    if (url.pathname === '/graphql') {
      if (wantsIde(request, url)) return web.serveIde(request, response);
      return serveGraphql(apollo, request, response, url, services, { ...options, limits }, workSignal(), authenticator);
    }
    if (url.pathname.startsWith('/health') && (await serveHealth(url.pathname, response, services))) return;
    if (url.pathname === '/metrics') return serveMetrics(request, response, metrics, authenticator);
    if (await web.serve(request, response, url.pathname)) return;
    const route = Object.entries(routes).find(([prefix]) => url.pathname.startsWith(prefix));
    if (route) return route[1](request, response, url, workSignal());
    sendJson(response, 404, { error: `No route for ${shortenText(url.pathname)}; the API is at /graphql` });
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${address.port}`,
    httpServer,
    stop: () => apollo.stop(),
  };
}

async function serveGraphql(
  apollo: ApolloServer<RequestContext>,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  services: Services,
  { maxBodyBytes, limits, maxWaitingBodies }: { maxBodyBytes: number; limits: OperationLimits; maxWaitingBodies?: number },
  signal: AbortSignal,
  authenticator: Authenticator,
): Promise<void> {
  const address = clientAddressOf(request);
  try {
    authenticator.checkNotBlocked(address);
  } catch (error) {
    if (error instanceof TooManyFailuresError) return sendTooMany(response, error, true);
    throw error;
  }
  let check: BodyCheck;
  try {
    // Parsed and measured before graphql-js spends anything on it; a large body off this thread (body-checker.ts).
    check = await readGraphqlBody(request, urlParametersOf(url), maxBodyBytes, limits, maxWaitingBodies);
  } catch (error) {
    if (error instanceof BodyCheckerBusyError) {
      response.setHeader('retry-after', String(error.retryAfterSeconds));
      const extensions = { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds: error.retryAfterSeconds };
      return sendJson(response, 503, { errors: [{ message: error.message, extensions }] });
    }
    if (error instanceof BodyTooLargeError) {
      response.setHeader('connection', 'close');
      return sendJson(response, 413, { errors: [{ message: error.message, extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } }] });
    }
    throw error;
  }
  noteOperation(request, check.body ?? { operationName: url.searchParams.get('operationName'), query: url.searchParams.get('query') });
  if (check.kind === 'refused') return sendJson(response, check.refusal.status, check.refusal.payload);
  const body = check.body;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await runAsCaller(callerOf(request, address), () =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
      context: async () => {
        // Checked lazily by the fields that need a role, so a store outage is reported on them.
        const principal = authenticator.authenticate(headerOf(request, 'authorization'), address);
        principal.then(
          (accepted) => accepted && noteAuthenticated(request, accepted),
          () => undefined,
        );
        return createRequestContext(services, signal, { principal, origin: `http://${headerOf(request, 'host') ?? 'localhost'}` });
      },
    }),
  );
  // Answers hold the caller's data: never stored by a browser or a proxy.
  response.setHeader('cache-control', 'no-store');
  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') return endCompressed(request, response, result.body.string);
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** A route that needs `EXPORT_ROLE`: 401 without an accepted credential, 403 with a too-low role, 429 when rate-limited. */
function requiringRole(authenticator: Authenticator, route: RouteHandler, log: (message: string, error?: unknown) => void): RouteHandler {
  return async (request, response, url, signal) => {
    try {
      requireRole(await authenticator.authenticate(headerOf(request, 'authorization'), clientAddressOf(request)), EXPORT_ROLE);
    } catch (error) {
      if (error instanceof AccessError) {
        const status = error.code === 'UNAUTHENTICATED' ? 401 : 403;
        if (status === 401) response.setHeader('www-authenticate', 'Bearer realm="copnet"');
        return sendJson(response, status, { error: error.message, code: error.code, requiredRole: error.requiredRole });
      }
      if (error instanceof CredentialRefusedError) {
        response.setHeader('www-authenticate', 'Bearer realm="copnet"');
        return sendJson(response, 401, { error: error.message, code: 'UNAUTHENTICATED', requiredRole: EXPORT_ROLE });
      }
      if (error instanceof TooManyFailuresError) return sendTooMany(response, error, false);
      if (error instanceof StoreUnavailableError) {
        log('store unavailable', error);
        return sendJson(response, 503, { error: 'The data store is unavailable; try again shortly.' });
      }
      throw error;
    }
    return runAsCaller(callerOf(request, clientAddressOf(request)), () => route(request, response, url, signal));
  };
}

/** An export route that admits a few exports at a time (export-admission.ts): 429 or 503 with Retry-After over the limits. */
function admitted(admission: ExportAdmission, route: RouteHandler): RouteHandler {
  return (request, response, url, signal) => {
    const decision = admission.admit(callerOf(request, clientAddressOf(request)), response);
    if (!decision.admitted) {
      response.setHeader('retry-after', String(EXPORT_RETRY_AFTER_SECONDS));
      return Promise.resolve(sendJson(response, decision.status, { error: decision.message, code: ErrorCode.TOO_MANY_REQUESTS }));
    }
    return route(request, response, url, signal);
  };
}

/**
 * Who a request's work is for, for the work pool's fair share: its credential (as a hash, so
 * no secret is kept), or its address when it sends none.
 */
function callerOf(request: IncomingMessage, address: string): string {
  const authorization = headerOf(request, 'authorization');
  if (!authorization) return `address:${address}`;
  return `credential:${createHash('sha256').update(authorization).digest('base64url').slice(0, 22)}`;
}

function sendTooMany(response: ServerResponse, error: TooManyFailuresError, graphql: boolean): void {
  response.setHeader('retry-after', String(error.retryAfterSeconds));
  const code = ErrorCode.TOO_MANY_REQUESTS;
  sendJson(response, 429, graphql ? { errors: [{ message: error.message, extensions: { code } }] } : { error: error.message, code });
}

/**
 * The request's target as a URL, or null when it is not one. A target is a path (`//x:99999` is the
 * path `//x:99999`, not a host and a port) or, from a proxy, an absolute URL.
 */
function requestTarget(request: IncomingMessage): URL | null {
  const target = request.url ?? '/';
  try {
    return new URL(target.startsWith('/') ? `http://localhost${target}` : target);
  } catch {
    return null;
  }
}

/** The request's path for a log line: no query string (it may carry a query's values), at most 200 characters. */
function pathOf(request: IncomingMessage): string {
  return shortenText((request.url ?? '/').split('?')[0] ?? '/', 200);
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
