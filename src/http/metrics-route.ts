import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/authenticator';
import { requireRole } from '../auth/policy';
import { clientAddressOf } from './client-address';
import { sendGetOnly, sendJson } from './send-json';
import type { CopnetMetrics } from './prometheus-metrics';

/**
 * GET /metrics, in the Prometheus text format: open to a scraper on this machine (a loopback peer,
 * and, through a trusted proxy, a loopback client it forwarded: client-address.ts), and
 * to anyone else only with an admin token (401 without a credential, 403 with a lower role).
 * Other methods than GET and HEAD get 405.
 */
export async function serveMetrics(
  request: IncomingMessage,
  response: ServerResponse,
  metrics: CopnetMetrics,
  authenticator: Authenticator,
): Promise<void> {
  // Before the credential check: a wrong method is refused without spending an authentication on it.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendGetOnly(response, '/metrics is read with GET');
  }
  // Both the TCP peer and the client it may forward: a trusted proxy elsewhere would forward its own machine's
  // 127.0.0.1 (or a client's made-up one), which is not this machine.
  if (!isLoopbackPeer(request.socket.remoteAddress) || !isLoopbackPeer(clientAddressOf(request))) {
    const header = request.headers.authorization;
    let allowed = false;
    try {
      requireRole(await authenticator.authenticate(header, clientAddressOf(request)), 'admin');
      allowed = true;
    } catch {
      allowed = false;
    }
    if (!allowed) {
      if (header === undefined) response.setHeader('www-authenticate', 'Bearer realm="copnet"');
      return sendJson(response, header === undefined ? 401 : 403, {
        error: '/metrics needs an admin token, or a request from this machine',
      });
    }
  }
  let text;
  try {
    text = await prometheusText(metrics);
  } catch (error) {
    return sendJson(response, 503, { error: `The figures could not be gathered: ${(error as Error).message}` });
  }
  response.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  response.end(text);
}

/**
 * The scrape's text. prom-client spells NaN `Nan` (the event-loop lag mean when no delay was
 * sampled since the last scrape); Go's parser takes any case, but the format spells it NaN.
 */
export async function prometheusText(metrics: CopnetMetrics): Promise<string> {
  return (await metrics.scrape()).replace(/ Nan$/gm, ' NaN');
}

export function isLoopbackPeer(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
