import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseReportQuery } from '../services/report-query';
import type { ReportService } from '../services/report-service';
import { readQueryParameters, WINDOW_PARAMETERS } from './query-parameters';
import type { RouteHandler } from './route-handler';
import { sendGetOnly, sendJson } from './send-json';
import { sendQueryError } from './send-query-error';

const QUERY_PARAMETERS = [...WINDOW_PARAMETERS, 'title'] as const;

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
      return sendGetOnly(response, 'The report is read with GET');
    }
    if (url.pathname !== '/report') return sendJson(response, 404, { error: `No route for ${url.pathname}; the report is at /report` });
    let report;
    try {
      // Inside the try: a repeated parameter is a 400 naming it, as a bad value is.
      report = await reports.render(parseReportQuery(readQueryParameters(url, QUERY_PARAMETERS)), signal);
    } catch (error) {
      if (sendQueryError(response, error, signal, log)) return;
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
