import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`Request body is larger than the limit of ${limit} bytes (COPNET_MAX_BODY_BYTES)`);
  }
}

/** The client closed its connection before sending its whole body: nothing to answer, nothing broke. */
export class ClientAbortedError extends Error {
  override readonly name = 'ClientAbortedError';
  constructor(readonly received: number) {
    super(`The client closed the connection after ${received} bytes of its request body`);
  }
}

/** Reads a request body's bytes, refusing more than `limit` (from its Content-Length, before reading any) before buffering them. */
export async function readBodyBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limit) throw new BodyTooLargeError(limit);
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    // Node reports a body cut short as `Error: aborted` (ECONNRESET).
    if (request.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') throw new ClientAbortedError(size);
    throw error;
  }
  return Buffer.concat(chunks);
}
