/**
 * The one entry point HTTP and the CLI call: an export request (format + its data) →
 * a readable byte stream, or written into a Writable.
 *
 * The request is checked and put in canonical order before anything is produced, so bad
 * input throws InvalidInputError from `renderExport` itself — before a caller has sent
 * headers or opened a file — and never midway through the stream.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidInputError } from '../domain/errors';
import { edgesCsvChunks, nodesCsvChunks, seriesCsvChunks } from './csv';
import { csvZipStream } from './csv-zip';
import { prepareNetwork, type NetworkExport, type SeriesFiguresRow } from './export-data';
import { isExportFormat, type GexfVersion, type SnapshotFormat } from './export-format';
import { gexfDocument } from './gexf';
import { dynamicGexfChunks, slotsOf } from './gexf-dynamic';
import { graphmlChunks } from './graphml';
import { jsonDocument } from './json';

export type ExportRequest =
  | { readonly format: SnapshotFormat; readonly data: NetworkExport; readonly gexfVersion?: GexfVersion }
  | { readonly format: 'gexf-dynamic'; readonly data: readonly NetworkExport[]; readonly gexfVersion?: GexfVersion }
  | { readonly format: 'csv-series'; readonly data: readonly SeriesFiguresRow[] };

/** Checks the request and returns the export as a lazy stream of bytes. */
export function renderExport(request: ExportRequest): Readable {
  switch (request.format) {
    case 'gexf':
      return text([gexfDocument(prepareNetwork(request.data), request.gexfVersion)]);
    case 'graphml':
      return text(graphmlChunks(prepareNetwork(request.data)));
    case 'csv':
      return csvZipStream(prepareNetwork(request.data));
    case 'csv-nodes':
      return text(nodesCsvChunks(prepareNetwork(request.data)));
    case 'csv-edges':
      return text(edgesCsvChunks(prepareNetwork(request.data)));
    case 'json':
      return text([jsonDocument(prepareNetwork(request.data))]);
    case 'gexf-dynamic': {
      const series = request.data.map((network, i) => prepareNetwork(network, `data[${i}]`));
      slotsOf(
        series.map((network) => network.window),
        'data',
      );
      return text(dynamicGexfChunks(series, request.gexfVersion));
    }
    case 'csv-series':
      return text(seriesCsvChunks(request.data));
    default: {
      const unknown: never = request;
      const format = (unknown as { format: unknown }).format;
      throw new InvalidInputError('format', format, isExportFormat(format) ? 'is not handled' : 'is not an export format');
    }
  }
}

/** Writes the export into `out` and ends it; rejects (and destroys `out`) on failure. */
export async function writeExport(request: ExportRequest, out: Writable): Promise<void> {
  await pipeline(renderExport(request), out);
}

/** The whole export in memory: for tests and small documents. */
export async function exportToBuffer(request: ExportRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of renderExport(request)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

function text(chunks: Iterable<string>): Readable {
  return Readable.from(chunks, { objectMode: false });
}
