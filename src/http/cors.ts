import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send-json';

/**
 * Cross-origin access for browser dashboards on other hosts: only the origins listed in
 * COPNET_CORS_ORIGINS get `Access-Control-Allow-Origin`; a preflight from any other origin is
 * refused with 403. Same-origin pages need nothing. Credentials travel in the Authorization
 * header, never in cookies, so no `Allow-Credentials`.
 */
export function handleCors(request: IncomingMessage, response: ServerResponse, allowed: ReadonlySet<string>): 'answered' | 'continue' {
  const origin = request.headers.origin;
  const permitted = origin !== undefined && allowed.has(origin);
  if (origin !== undefined) response.setHeader('vary', 'Origin');
  if (permitted) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', 'Content-Disposition, Retry-After');
  }
  const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
  if (!preflight) return 'continue';
  if (!permitted) {
    sendJson(response, 403, { error: `Origin ${origin ?? '(none)'} is not allowed to call this API; list it in COPNET_CORS_ORIGINS` });
    return 'answered';
  }
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, HEAD',
    'access-control-allow-headers': 'Authorization, Content-Type, Apollo-Require-Preflight',
    'access-control-max-age': '600',
  });
  response.end();
  return 'answered';
}
