import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ExportService } from '../services/export-service';
import { compressingStream } from './compression';
import { parseExportQuery } from '../services/export-query';
import { readQueryParameters, WINDOW_PARAMETERS } from './query-parameters';
import type { RouteHandler } from './route-handler';
import { sendGetOnly } from './send-json';
import { sendQueryError } from './send-query-error';

const QUERY_PARAMETERS = [...WINDOW_PARAMETERS, 'version'] as const;

/**
 * GET /export/<format>?from=…&to=…[&actorKinds=A,B][&interactionKinds=…][&coParticipationLimit=n]
 * [&step=MONTH&windowSize=n&expanding=true for series formats][&version=1.2 for GEXF formats]: the download, streamed, with
 * Content-Type and a Content-Disposition filename. Bad requests get 400 and a JSON body
 * naming the parameter, before any byte of the file.
 */
export function exportRoute(exports: ExportService, log: (message: string, error?: unknown) => void): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse, url: URL, signal: AbortSignal) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendGetOnly(response, 'Exports are downloaded with GET');
    }
    let download;
    try {
      // Inside the try: a repeated parameter is a 400 naming it, as a bad value is.
      const text = readQueryParameters(url, QUERY_PARAMETERS, {
        format: decodeURIComponent(url.pathname.slice('/export/'.length)),
      });
      download = await exports.export(parseExportQuery(text), signal);
    } catch (error) {
      if (sendQueryError(response, error, signal, log)) return;
      throw error;
    }
    // Text formats (GEXF, GraphML, CSV, JSON) shrink 5–10×; the CSV zip is compressed already.
    const compressor = compressingStream(request, response, download.contentType);
    response.writeHead(200, {
      'content-type': download.contentType,
      'content-disposition': `attachment; filename="${download.filename}"`,
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') {
      download.body.destroy();
      compressor?.destroy();
      response.end();
      return;
    }
    try {
      await (compressor ? pipeline(download.body, compressor, response) : pipeline(download.body, response));
    } catch (error) {
      if (!signal.aborted) throw error; // a client that leaves mid-download cancelled it: nothing to report
    }
  };
}
