import type { Readable } from 'node:stream';
import { InvalidInputError } from '../domain/errors';
import { spanOfWindows, type TimeWindow } from '../domain/time-window';
import { contentTypeOf, filenameOf, isSeriesFormat, type SnapshotFormat } from '../export/export-format';
import { timelineWindows } from '../export/gexf-dynamic';
import type { ActorMetricColumns, NetworkSnapshot } from '../metrics/snapshot';
import type { ExportQuery } from './export-query';
import type { MetricsService } from './metrics-service';
import type { WorkPool } from './work/work-pool';
import { buildExport, type ExportTask } from './work/work-tasks';

/** A rendered export, ready to stream to a response or a file. */
export interface ExportDownload {
  readonly contentType: string;
  readonly filename: string;
  readonly body: Readable;
}

/**
 * Export use case: compute what the query selects (through the metrics service and its
 * cache), then build the file on a worker thread (work-tasks.ts `buildExport`; in this
 * thread when no pool is given), streamed one chunk per read. The worker reads the span's
 * interactions itself when the store allows (Store.windowFile): a long range then never sits
 * in the HTTP thread's heap, whose collections held other requests. Everything is checked before
 * the first byte, so a bad request never leaves a half-written download. `signal` cancels
 * the work (client gone, time limit).
 */
export class ExportService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly work?: WorkPool,
  ) {}

  async export(query: ExportQuery, signal?: AbortSignal): Promise<ExportDownload> {
    const span: TimeWindow = query.kind === 'snapshot' ? query.window : { from: query.series.from, to: query.series.to };
    const download = async (task: ExportTask): Promise<ExportDownload> => ({
      contentType: contentTypeOf(query.format),
      filename: filenameOf(query.format, span),
      body: this.work ? await this.work.export(task, signal) : buildExport(task),
    });

    if (query.kind === 'snapshot') {
      if (isSeriesFormat(query.format)) throw new InvalidInputError('format', query.format, 'is a series format and needs a step');
      const snapshot = await this.metrics.snapshot(query.window, query.scope, query.options, signal);
      return download(await this.networkTask(query.format, [query.window], [snapshot], query));
    }
    const { windows, snapshots } = await this.metrics.series(query.series, query.scope, query.options, signal);
    switch (query.format) {
      case 'csv-series':
        return download({
          kind: 'export',
          format: 'csv-series',
          rows: snapshots.map((snapshot, i) => ({ ...snapshot, label: windows[i]?.label ?? null })),
        });
      case 'gexf-dynamic': {
        const shown = timelineWindows(windows);
        return download(
          await this.networkTask(
            'gexf-dynamic',
            shown.map((i) => windows[i]!),
            shown.map((i) => snapshots[i]!),
            query,
          ),
        );
      }
      default:
        throw new InvalidInputError('format', query.format, 'is a single-window format and takes no step');
    }
  }

  /**
   * The windows' span (read by the worker from the store's file when it can, see
   * MetricsService.exportSource) and each window's actor metrics, for a network export.
   */
  private async networkTask(
    format: SnapshotFormat | 'gexf-dynamic',
    windows: readonly TimeWindow[],
    snapshots: readonly NetworkSnapshot[],
    query: ExportQuery,
  ): Promise<ExportTask> {
    const span = spanOfWindows(windows);
    const data = await this.metrics.exportSource(span, query.scope, query.options, windows, this.work !== undefined);
    return {
      kind: 'export',
      format,
      source: data.source,
      request: { scope: data.scope, limit: data.limit },
      windows: windows.map((w) => ({ from: w.from, to: w.to })),
      metrics: snapshots.map(actorColumnsOf),
      ...(query.gexfVersion ? { gexfVersion: query.gexfVersion } : {}),
    };
  }
}

function actorColumnsOf(snapshot: NetworkSnapshot): ActorMetricColumns {
  if (snapshot.actorColumns) return snapshot.actorColumns;
  const actors = snapshot.actors;
  return {
    ids: actors.map((a) => a.actorId),
    degree: actors.map((a) => a.degree),
    degreeCentrality: actors.map((a) => a.degreeCentrality),
    betweenness: actors.map((a) => a.betweenness),
    closeness: actors.map((a) => a.closeness),
    eigenvector: actors.map((a) => a.eigenvector),
    pagerank: actors.map((a) => a.pagerank),
    clustering: actors.map((a) => a.clustering),
    community: actors.map((a) => a.community),
    constraint: actors.map((a) => a.constraint),
    effectiveSize: actors.map((a) => a.effectiveSize),
    coreNumber: actors.map((a) => a.coreNumber),
  };
}
