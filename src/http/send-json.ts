import type { ServerResponse } from 'node:http';

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** 405 for a route read with GET or HEAD alone: the `Allow` header and why, as JSON. */
export function sendGetOnly(response: ServerResponse, error: string): void {
  response.setHeader('allow', 'GET, HEAD');
  sendJson(response, 405, { error });
}
