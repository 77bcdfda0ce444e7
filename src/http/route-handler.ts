import type { IncomingMessage, ServerResponse } from 'node:http';

/** A route beside /graphql and /health, matched by path prefix; `signal` cancels the request's work (requestSignal). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, url: URL, signal: AbortSignal) => Promise<void>;
