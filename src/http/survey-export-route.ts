import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessError } from '../auth/access-error';
import type { Authenticator } from '../auth/authenticator';
import { requireRole } from '../auth/policy';
import { authorOf, type Principal } from '../auth/principal';
import { InvalidInputError } from '../domain/errors';
import type { Services } from '../services/services';
import type { CsvFile } from '../services/survey-service';
import { clientAddressOf } from './client-address';
import { readQueryParameters } from './query-parameters';
import type { RouteHandler } from './route-handler';
import { sendGetOnly, sendJson } from './send-json';
import { sendQueryError } from './send-query-error';

/**
 * The survey downloads (issue 23), behind the export routes' reader check:
 * - GET /export/survey?id=… — per-actor scores (privacy rule below admin); `&ratings=1`
 *   (admin): one row per stored answer instead;
 * - GET /export/survey-links?id=… (admin) — new respondent links for every roster actor, the
 *   CSV `copnet survey links` prints (each download makes new tokens; earlier ones keep working).
 * 400 naming the parameter, 403 naming the role needed, before any byte of the file.
 */
export function surveyExportRoute(
  services: Services,
  authenticator: Authenticator,
  log: (message: string, error?: unknown) => void,
): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse, url: URL, signal: AbortSignal) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendGetOnly(response, 'Exports are downloaded with GET');
    }
    const links = url.pathname === '/export/survey-links';
    if (!links && url.pathname !== '/export/survey') {
      return sendJson(response, 404, { error: 'No such survey export: use /export/survey?id=… or /export/survey-links?id=…' });
    }
    let file: CsvFile;
    try {
      // The route's wrapper has checked the reader role; the principal decides what else it may see.
      const principal = requireRole(await authenticator.authenticate(request.headers.authorization, clientAddressOf(request)), 'reader');
      // A repeated id or ratings is refused, as on the other export routes, not read as its first value.
      const { id, ratings: ratingsText } = readQueryParameters(url, links ? ['id'] : ['id', 'ratings']);
      if (id === undefined || id.trim() === '') throw new InvalidInputError('id', id, 'is required: the survey to export');
      if (links) {
        requireRole(principal, 'admin');
        const base = services.surveys.publicUrl ?? `http://${request.headers.host ?? 'localhost'}`;
        file = await services.surveys.linksCsv(id, base, authorOf(principal), 'id');
      } else {
        const ratings = parseFlag(ratingsText, 'ratings');
        if (ratings) requireRole(principal, 'admin');
        file = await services.surveys.scoresCsv(id, { full: isAdmin(principal), ratings });
      }
    } catch (error) {
      if (error instanceof AccessError) {
        return sendJson(response, error.code === 'UNAUTHENTICATED' ? 401 : 403, {
          error: error.message,
          code: error.code,
          requiredRole: error.requiredRole,
        });
      }
      if (sendQueryError(response, error, signal, log)) return;
      throw error;
    }
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.text);
  };
}

function isAdmin(principal: Principal): boolean {
  return principal.role === 'admin';
}

/** `1`/`true` or `0`/`false`; absent is false. */
function parseFlag(value: string | undefined, field: string): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new InvalidInputError(field, value, 'must be 1 or true (or 0, false)');
}
