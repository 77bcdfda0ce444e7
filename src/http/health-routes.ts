import type { ServerResponse } from 'node:http';
import type { Services } from '../services/services';
import { sendJson } from './send-json';

/**
 * Open health checks: /health (kept as it was), /health/live (this process answers; its pid, so
 * an operator can tell replicas apart) and /health/ready (the store answers: 200, else 503).
 */
export async function serveHealth(path: string, response: ServerResponse, services: Services): Promise<boolean> {
  response.setHeader('cache-control', 'no-store');
  if (path === '/health') sendJson(response, 200, { status: 'ok', store: services.storeKind });
  else if (path === '/health/live') sendJson(response, 200, { status: 'live', pid: process.pid });
  else if (path === '/health/ready') {
    const ready = await services.health.ready();
    sendJson(response, ready.status === 'ready' ? 200 : 503, ready);
  } else return false;
  return true;
}
