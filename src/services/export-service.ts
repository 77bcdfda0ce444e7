import type { Readable } from 'node:stream';
import { InvalidInputError } from '../domain/errors';
import type { TimeWindow } from '../domain/time-window';
import { contentTypeOf, filenameOf, isSeriesFormat, type SnapshotFormat } from '../export/export-format';
import type { NetworkExport } from '../export/export-data';
import { renderExport } from '../export/write-export';
import type { ExportQuery } from './export-query';
import type { MetricsService } from './metrics-service';

/** A rendered export, ready to stream to a response or a file. */
export interface ExportDownload {
  readonly contentType: string;
  readonly filename: string;
  readonly body: Readable;
}

/**
 * Export use case: compute what the query selects (through the metrics service and its
 * cache) and hand it to the pure writers in src/export/. Everything is checked before the
 * first byte, so a bad request never leaves a half-written download.
 */
export class ExportService {
  constructor(private readonly metrics: MetricsService) {}

  async export(query: ExportQuery): Promise<ExportDownload> {
    const span: TimeWindow = query.kind === 'snapshot' ? query.window : { from: query.series.from, to: query.series.to };
    const download = (body: Readable): ExportDownload => ({ contentType: contentTypeOf(query.format), filename: filenameOf(query.format, span), body });

    if (query.kind === 'snapshot') {
      if (isSeriesFormat(query.format)) throw new InvalidInputError('format', query.format, 'is a series format and needs a step');
      const data = await this.networkExport(query.window, query);
      return download(renderExport({ format: query.format as SnapshotFormat, data, gexfVersion: query.gexfVersion }));
    }
    const { windows, snapshots } = await this.metrics.series(query.series, query.scope, query.options);
    switch (query.format) {
      case 'csv-series':
        return download(renderExport({ format: 'csv-series', data: snapshots.map((snapshot, i) => ({ ...snapshot, label: windows[i]?.label ?? null })) }));
      case 'gexf-dynamic': {
        const data: NetworkExport[] = [];
        for (const window of windows) data.push(await this.networkExport(window, query));
        return download(renderExport({ format: 'gexf-dynamic', data, gexfVersion: query.gexfVersion }));
      }
      default:
        throw new InvalidInputError('format', query.format, 'is a single-window format and takes no step');
    }
  }

  private async networkExport(window: TimeWindow, query: ExportQuery): Promise<NetworkExport> {
    const [snapshot, { network }] = await Promise.all([
      this.metrics.snapshot(window, query.scope, query.options),
      this.metrics.network(window, query.scope, query.options),
    ]);
    return { window: { from: window.from, to: window.to }, network, actors: snapshot.actors };
  }
}
