import type { IncomingMessage, ServerResponse } from 'node:http';

/** A route beside /graphql and /health, matched by path prefix. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;
