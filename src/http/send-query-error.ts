import type { ServerResponse } from 'node:http';
import { InvalidInputError, StoreUnavailableError, WorkLimitError } from '../domain/errors';
import { sendJson } from './send-json';

/**
 * Answers a GET route's failure to parse or compute what was asked (the exports, the report):
 * 400 naming the parameter, 422 over a work limit, 503 when the store is down, nothing when
 * the client is gone. Returns false for any other error, which the caller rethrows.
 */
export function sendQueryError(
  response: ServerResponse,
  error: unknown,
  signal: AbortSignal,
  log: (message: string, error?: unknown) => void,
): boolean {
  if (signal.aborted && !(error instanceof WorkLimitError)) return true; // the client is gone
  if (error instanceof InvalidInputError) {
    sendJson(response, 400, { error: error.message, field: error.field });
    return true;
  }
  if (error instanceof WorkLimitError) {
    sendJson(response, 422, { error: error.message, code: 'WORK_LIMIT_EXCEEDED', limit: error.limit, actual: error.actual });
    return true;
  }
  if (error instanceof StoreUnavailableError) {
    log('store unavailable', error);
    sendJson(response, 503, { error: 'The data store is unavailable; try again shortly.' });
    return true;
  }
  return false;
}
