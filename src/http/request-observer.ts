import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logging/logger';
import type { CopnetMetrics } from './prometheus-metrics';

/** Operation names become metric labels: a name a client made up beyond these many is counted as `other`. */
const MAX_OPERATION_NAMES = 200;
/**
 * New names one reader's or writer's credential (or all respondents together) may add to the labels
 * (the dashboard sends 18), so one token cannot take all 200 either; an admin's (and auth off) are not counted.
 */
const MAX_NAMES_PER_CALLER = 50;

const operations = new WeakMap<IncomingMessage, string>();
/** Requests whose credential was accepted: the caller to count their new names against, or null for an admin. */
const authenticated = new WeakMap<IncomingMessage, string | null>();

/** Notes that a request's credential was accepted (or auth is off): only such requests add operation names to the labels. */
export function noteAuthenticated(request: IncomingMessage, principal: Principal): void {
  // Respondents share one allowance: a survey hands out a token per roster actor.
  const caller = principal.role === 'respondent' ? 'respondents' : `${principal.via}:${principal.name}`;
  authenticated.set(request, principal.role === 'admin' ? null : caller);
}

/**
 * Notes a request's GraphQL operation name, for its log line and metrics: `operationName` when
 * sent, else the name of the document's first operation (`query Name ...`), if it has one.
 */
export function noteOperation(request: IncomingMessage, body: unknown): void {
  const fields = typeof body === 'object' && body !== null ? (body as { operationName?: unknown; query?: unknown }) : {};
  let name = fields.operationName;
  if (typeof name !== 'string' && typeof fields.query === 'string') {
    name = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/.exec(fields.query)?.[1];
  }
  if (typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) operations.set(request, name);
}

/**
 * Gives each request an id (a sane incoming `x-request-id`, or a new one, echoed in the answer)
 * and, when its answer ends, one log line (id, method, path, operation, status, duration) and its
 * metrics. Never logs headers, the query string or the body.
 */
export function requestObserver(
  metrics: CopnetMetrics,
  logger: Logger | undefined,
): (request: IncomingMessage, response: ServerResponse) => void {
  const seen = new Set<string>();
  const namesAdded = new Map<string, number>();
  /** Whether this request may make its operation name a new label. */
  const mayLabel = (request: IncomingMessage): boolean => {
    const caller = authenticated.get(request);
    if (seen.size >= MAX_OPERATION_NAMES || caller === undefined) return false;
    if (caller === null) return true;
    const added = namesAdded.get(caller) ?? 0;
    if (added >= MAX_NAMES_PER_CALLER) return false;
    namesAdded.set(caller, added + 1);
    return true;
  };
  return (request, response) => {
    const started = performance.now();
    const incoming = request.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w.:-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    response.setHeader('x-request-id', id);
    response.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const path = (request.url ?? '/').split('?')[0]!;
      let operation = operations.get(request) ?? '';
      if (operation !== '' && !seen.has(operation)) {
        // First come, first labelled, but only for accepted credentials, a reader's or writer's up to a share: anonymous
        // requests with made-up names took all the labels before, and the dashboard's own operations were counted as `other`.
        if (mayLabel(request)) seen.add(operation);
        else operation = 'other';
      }
      const status = response.writableFinished ? response.statusCode : 499;
      metrics.observeRequest(routeOf(path), operation, status, seconds);
      logger?.info(
        {
          reqId: id,
          method: request.method,
          path: path.slice(0, 200),
          operation: operation || undefined,
          status,
          durationMs: Math.round(seconds * 1e4) / 10,
        },
        'request',
      );
    });
  };
}

/** A bounded route label: never the raw path, which any client can vary. */
function routeOf(path: string): string {
  if (path === '/graphql') return '/graphql';
  if (path.startsWith('/export/')) return '/export';
  if (path === '/metrics') return '/metrics';
  if (path.startsWith('/health')) return path === '/health/live' || path === '/health/ready' ? path : '/health';
  if (path === '/' || path.startsWith('/assets/') || path === '/index.html') return 'static';
  return 'other';
}
