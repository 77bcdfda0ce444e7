import type { IncomingMessage } from 'node:http';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OperationLimits } from '../graphql/limits/operation-limits';
import { shortenText } from '../domain/errors';
import { ErrorCode } from '../graphql/errors';
import {
  checkRequestBody,
  decodeBody,
  parseBody,
  refused,
  type BodyCheck,
  type Refusal,
  type UrlParameters,
} from '../graphql/limits/request-body';
import { TS_WORKER_BOOTSTRAP } from '../services/work/work-pool';
import { readBodyBytes } from './read-body';

/**
 * Bodies up to this size are parsed and measured on the HTTP thread (a few milliseconds at most).
 * Larger ones are parsed and measured on a thread of their own first: JSON.parse of a few megabytes
 * (45,000 actors, one actor's 100,000 tags) took the HTTP thread 40–160 ms, the whole time every
 * other request waited. Only a body that passes is parsed again here; one that is refused costs the
 * HTTP thread no more than its bytes; one that passes pays a thread round trip (well under a millisecond).
 */
export const INLINE_BODY_BYTES = 64 * 1024;

/**
 * Large bodies that may be on the body checker's thread or waiting for it, by default; the next is
 * refused (BodyCheckerBusyError: 503 with Retry-After) rather than queued. Unbounded, a flood of
 * multi-megabyte bodies held every one of them in memory, each waiting longer than the last.
 */
export const DEFAULT_MAX_WAITING_BODIES = 8;

/** Seconds a body refused for a full queue is told to wait (Retry-After). */
export const BODY_CHECK_RETRY_AFTER_SECONDS = 2;

/** The body checker's queue is full: the body is refused unread by graphql-js. */
export class BodyCheckerBusyError extends Error {
  override readonly name = 'BodyCheckerBusyError';
  readonly retryAfterSeconds = BODY_CHECK_RETRY_AFTER_SECONDS;
  constructor(readonly limit: number) {
    super(`The server is checking ${limit} large request bodies, its limit; try again shortly`);
  }
}

/**
 * Reads a GraphQL request's body (refusing more than `maxBodyBytes`, read-body.ts) and checks it
 * (request-body.ts): on this thread when small, on the body checker's thread when large, unless
 * `maxWaitingBodies` large ones are there already (BodyCheckerBusyError).
 */
export async function readGraphqlBody(
  request: IncomingMessage,
  url: UrlParameters,
  maxBodyBytes: number,
  limits: OperationLimits,
  maxWaitingBodies = DEFAULT_MAX_WAITING_BODIES,
): Promise<BodyCheck> {
  const bytes = await readBodyBytes(request, maxBodyBytes);
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    // Read as it came, a compressed body was refused as "not valid JSON", and an unknown encoding ignored.
    const message = `Content-Encoding ${shortenText(JSON.stringify(encoding))} is not supported; send the body uncompressed`;
    return refused(415, message, { code: ErrorCode.BAD_REQUEST });
  }
  const contentType = request.headers['content-type'];
  if (bytes.length <= INLINE_BODY_BYTES) return checkRequestBody(bytes, contentType, url, limits);
  const reply = await bodyChecker.check({ bytes: ownBuffer(bytes), contentType, url, limits }, maxWaitingBodies);
  if ('error' in reply) throw new Error(`body check failed: ${reply.error}`);
  if (reply.refusal !== null) return { kind: 'refused', refusal: reply.refusal, body: reply.operation };
  return { kind: 'accepted', body: parseBody(decodeBody(new Uint8Array(reply.bytes)), contentType) };
}

/** Starts the body checker's thread now, so the first large body does not wait for it to load (under Jest, seconds). */
export function startBodyChecker(): void {
  bodyChecker.start();
}

export interface BodyCheckRequest {
  readonly id: number;
  /** Moved to the thread and back, never copied. */
  readonly bytes: ArrayBuffer;
  readonly contentType: string | undefined;
  readonly url: UrlParameters;
  readonly limits: OperationLimits;
}

export type BodyCheckReply = { readonly id: number; readonly bytes: ArrayBuffer } & (
  | { readonly refusal: null }
  | { readonly refusal: Refusal; readonly operation?: { operationName?: unknown; query?: unknown } }
  | { readonly error: string }
);

/** The bytes in an ArrayBuffer of their own (a transfer moves the whole buffer; small socket chunks share a pool). */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

/** One thread, started at the first large body and not keeping the process alive; bodies wait their turn, a bounded number. */
class BodyChecker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(reply: BodyCheckReply): void; reject(error: Error): void }>();

  start(): void {
    if (this.worker === null) this.spawn();
  }

  check(request: Omit<BodyCheckRequest, 'id'>, maxWaiting: number): Promise<BodyCheckReply> {
    if (this.pending.size >= maxWaiting) return Promise.reject(new BodyCheckerBusyError(maxWaiting));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies BodyCheckRequest, [request.bytes]);
    });
  }

  private spawn(): Worker {
    const entry = join(__dirname, `body-check-worker${extname(__filename)}`);
    const worker = entry.endsWith('.ts') ? new Worker(TS_WORKER_BOOTSTRAP, { eval: true, workerData: { entry } }) : new Worker(entry);
    worker.on('message', (reply: BodyCheckReply) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`body check thread exited with code ${code}`)));
    // After the listeners: adding a 'message' listener refs the thread again.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

const bodyChecker = new BodyChecker();
