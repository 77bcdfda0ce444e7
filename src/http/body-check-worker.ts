import { parentPort } from 'node:worker_threads';
import { checkRequestBody } from '../graphql/limits/request-body';
import { lowerThisThreadsPriority } from '../services/work/thread-priority';
import type { BodyCheckReply, BodyCheckRequest } from './body-checker';

/**
 * The body checker's thread (body-checker.ts): decodes, parses and measures one large request
 * body at a time, and hands the bytes back with the verdict, so that a multi-megabyte body that
 * is refused never costs the HTTP thread its parse.
 */
lowerThisThreadsPriority();
parentPort!.on('message', ({ id, bytes, contentType, url, limits }: BodyCheckRequest) => {
  let reply: BodyCheckReply;
  try {
    const check = checkRequestBody(new Uint8Array(bytes), contentType, url, limits);
    reply =
      check.kind === 'accepted' ? { id, bytes, refusal: null } : { id, bytes, refusal: check.refusal, operation: operationOf(check.body) };
  } catch (error) {
    reply = { id, bytes, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply, [bytes]);
});

/** Of a refused body only what names its operation in the request log goes back (noteOperation reads no more). */
function operationOf(body: unknown): { operationName?: unknown; query?: unknown } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  return {
    operationName: typeof operationName === 'string' ? operationName.slice(0, 100) : undefined,
    query: typeof query === 'string' ? query.slice(0, 200) : undefined,
  };
}
