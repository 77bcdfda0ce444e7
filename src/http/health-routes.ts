import type { ServerResponse } from 'node:http';
import type { Services } from '../services/services';
import { sendGetOnly, sendJson } from './send-json';

const HEALTH_PATHS: ReadonlySet<string> = new Set(['/health', '/health/live', '/health/ready']);

/**
 * Open health checks: /health (kept as it was), /health/live (this process answers; its pid, so
 * an operator can tell replicas apart) and /health/ready (the store answers: 200, else 503).
 * They are read with GET or HEAD; any other method is 405 (a POST answered 200 looked like a passed check).
 */
export async function serveHealth(path: string, response: ServerResponse, services: Services): Promise<boolean> {
  response.setHeader('cache-control', 'no-store');
  if (!HEALTH_PATHS.has(path)) return false;
  const method = response.req.method;
  if (method !== 'GET' && method !== 'HEAD') {
    sendGetOnly(response, 'Health checks are read with GET');
  } else if (path === '/health') sendJson(response, 200, { status: 'ok', store: services.storeKind });
  else if (path === '/health/live') sendJson(response, 200, { status: 'live', pid: process.pid });
  else {
    const ready = await services.health.ready();
    sendJson(response, ready.status === 'ready' ? 200 : 503, ready);
  }
  return true;
}
