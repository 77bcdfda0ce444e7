import { setMaxListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import { WorkLimitError } from '../domain/errors';

/**
 * The AbortSignal of one request's work: it fires when the client goes away before its
 * answer is complete, or when `timeoutMs` pass before the answer starts (a download that
 * has started streaming is bounded by the work budget instead, not cut off midway).
 */
export function requestSignal(response: ServerResponse, timeoutMs: number): AbortSignal {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // one listener per task of a long series
  const timer = setTimeout(() => {
    if (!response.headersSent) {
      controller.abort(
        new WorkLimitError(`The request's work ran past the time limit of ${timeoutMs} ms (COPNET_WORK_TIMEOUT_MS)`, timeoutMs, null),
      );
    }
  }, timeoutMs);
  timer.unref();
  response.once('close', () => {
    clearTimeout(timer);
    if (!response.writableFinished) controller.abort(new Error('The client disconnected'));
  });
  return controller.signal;
}
