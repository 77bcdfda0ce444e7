import type { Readable } from 'node:stream';
import type { Actor } from '../../domain/actor';
import type { Scope } from '../../domain/scope';
import type { WindowFile } from '../../store/store';
import type { TimeWindow } from '../../domain/time-window';
import type { NetworkExport, SeriesFiguresRow } from '../../export/export-data';
import type { GexfVersion, SnapshotFormat } from '../../export/export-format';
import { renderExport } from '../../export/write-export';
import { completeSnapshot, measuredTies, measureGraph } from '../../metrics/compute-snapshot';
import { pathCentralities, sampledPathCentralities } from '../../metrics/path-centralities';
import type { BetweennessEstimate, BetweennessSampling } from '../../metrics/sampled-betweenness';
import { actorMetricsAt, figuresOf, type ActorMetricColumns, type NetworkFigures, type SnapshotTies } from '../../metrics/snapshot';
import { InteractionColumns, partsBuffers, type InteractionColumnParts } from '../../projection/interaction-columns';
import { projectColumnTies, projectTieNetwork } from '../../projection/project-network';

/**
 * The heavy work copnet hands to worker threads (work-pool.ts), as pure functions of plain
 * data so it can be posted: measuring windows, and building exports. The same functions run
 * in the calling thread when no pool is given.
 */

/** How a window's network is built: the checked scope and co-participation limit. */
export interface NetworkRequest {
  readonly scope: Scope;
  readonly limit: number;
  /** Estimate betweenness from sampled paths (checked); null or absent: exact. */
  readonly betweenness?: BetweennessSampling | null;
}

/**
 * Where a task's interactions and actors come from: posted with it (`columns`: the span's
 * interactions and the actors they name), or read by the worker itself from the store's file
 * (`file`: the span and scope to read, see Store.windowFile), so the HTTP thread holds none of them.
 * The pure functions below take `columns` only: the worker turns a `file` source into one first.
 */
export type WindowSource =
  | { readonly kind: 'columns'; readonly columns: InteractionColumnParts; readonly actors: readonly Actor[] }
  | { readonly kind: 'file'; readonly file: WindowFile; readonly span: TimeWindow; readonly scope: Scope };

/** A task's interactions and how its networks are built. */
export interface WindowData {
  readonly source: WindowSource;
  readonly request: NetworkRequest;
}

export interface SnapshotsTask extends WindowData {
  readonly kind: 'snapshots';
  readonly windows: readonly TimeWindow[];
}

/** A measured window, as it crosses threads. */
export interface MeasuredWindow {
  readonly figures: NetworkFigures & { readonly window: TimeWindow };
  readonly columns: ActorMetricColumns;
  /** The window's ties, for tie changes and introductions. */
  readonly ties: SnapshotTies;
  /** How betweenness was sampled; null when exact. */
  readonly betweennessEstimate: BetweennessEstimate | null;
}

export type ExportTask =
  | (WindowData & {
      readonly kind: 'export';
      readonly format: SnapshotFormat | 'gexf-dynamic';
      readonly windows: readonly TimeWindow[];
      readonly metrics: readonly ActorMetricColumns[];
      readonly gexfVersion?: GexfVersion;
    })
  | { readonly kind: 'export'; readonly format: 'csv-series'; readonly rows: readonly SeriesFiguresRow[] };

export type WorkTask = SnapshotsTask | ExportTask;

/**
 * Every figure of each window, as the service measures one in its own thread: projected
 * straight from the columns and measured on the tie table, with no graphology graph.
 */
export function measureWindows(task: SnapshotsTask): MeasuredWindow[] {
  const { interactions, actors } = unpack(task);
  return task.windows.map((window) => {
    const projection = projectColumnTies(interactions, window.from.getTime(), window.to.getTime(), actors, task.request.scope, {
      coParticipationLimit: task.request.limit,
    });
    const measured = measuredTies(projection.ties);
    const sampling = task.request.betweenness;
    const paths = sampling ? sampledPathCentralities(measured.index, sampling) : pathCentralities(measured.index);
    const snapshot = completeSnapshot(measureGraph(measured, window, projection), paths);
    return {
      figures: { ...figuresOf(snapshot), window: snapshot.window },
      columns: snapshot.actorColumns!,
      ties: snapshot.ties!,
      betweennessEstimate: snapshot.betweennessEstimate ?? null,
    };
  });
}

/** The export as a byte stream; throws InvalidInputError before the first byte for bad data. */
export function buildExport(task: ExportTask): Readable {
  if (task.format === 'csv-series') return renderExport({ format: 'csv-series', data: task.rows });
  const { interactions, actors } = unpack(task);
  const data: NetworkExport[] = task.windows.map((window, i) => {
    const { network } = projectTieNetwork(interactions.window(window.from.getTime(), window.to.getTime()), actors, task.request.scope, {
      coParticipationLimit: task.request.limit,
    });
    const metrics = task.metrics[i]!;
    return { window, network, actors: metrics.ids.map((_id, at) => actorMetricsAt(metrics, at)) };
  });
  if (task.format === 'gexf-dynamic') return renderExport({ format: 'gexf-dynamic', data, gexfVersion: task.gexfVersion });
  return renderExport({ format: task.format, data: data[0]!, gexfVersion: task.gexfVersion });
}

function unpack(data: WindowData): { interactions: InteractionColumns; actors: Map<string, Actor> } {
  const { source } = data;
  if (source.kind !== 'columns') throw new Error('work-tasks: a file source is read by the worker first (work-worker.ts)');
  return { interactions: InteractionColumns.fromParts(source.columns), actors: new Map(source.actors.map((actor) => [actor.id, actor])) };
}

/** The buffers of a task's posted columns, to transfer rather than copy. */
export function sourceBuffers(task: WorkTask): ArrayBuffer[] {
  if (!('source' in task) || task.source.kind !== 'columns') return [];
  return partsBuffers(task.source.columns);
}
