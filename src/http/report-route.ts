import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidInputError, StoreUnavailableError, WorkLimitError } from '../domain/errors';
import { parseReportQuery } from '../services/report-query';
import type { ReportService } from '../services/report-service';
import type { RouteHandler } from './route-handler';
import { sendJson } from './send-json';

const QUERY_PARAMETERS = [
  'from',
  'to',
  'step',
  'windowSize',
  'expanding',
  'actorKinds',
  'interactionKinds',
  'coParticipationLimit',
  'title',
] as const;

/**
 * The report forbids every fetch: it is one self-contained file, and a browser showing it
 * from this server must not load anything either.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * GET /report?from=…&to=…&step=…[&actorKinds=…][&interactionKinds=…][&coParticipationLimit=n][&title=…]:
 * the school-year report as one HTML document (src/report/), shown inline with a filename
 * for saving. Bad requests get 400 and a JSON body naming the parameter, as the exports do.
 */
export function reportRoute(reports: ReportService, log: (message: string, error?: unknown) => void): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse, url: URL, signal: AbortSignal) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendJson(response, 405, { error: 'The report is read with GET' });
    }
    if (url.pathname !== '/report') return sendJson(response, 404, { error: `No route for ${url.pathname}; the report is at /report` });
    const text: Record<string, string> = {};
    for (const name of QUERY_PARAMETERS) {
      const value = url.searchParams.get(name);
      if (value !== null) text[name] = value;
    }
    let report;
    try {
      report = await reports.render(parseReportQuery(text), signal);
    } catch (error) {
      if (signal.aborted && !(error instanceof WorkLimitError)) return; // the client is gone
      if (error instanceof InvalidInputError) return sendJson(response, 400, { error: error.message, field: error.field });
      if (error instanceof WorkLimitError) {
        return sendJson(response, 422, { error: error.message, code: 'WORK_LIMIT_EXCEEDED', limit: error.limit, actual: error.actual });
      }
      if (error instanceof StoreUnavailableError) {
        log('store unavailable', error);
        return sendJson(response, 503, { error: 'The data store is unavailable; try again shortly.' });
      }
      throw error;
    }
    const body = Buffer.from(report.html, 'utf8');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'content-disposition': `inline; filename="${report.filename}"`,
      'content-security-policy': REPORT_CSP,
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
