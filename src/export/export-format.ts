/**
 * The export formats, and what HTTP and the CLI need to serve them: content type, file
 * extension and a download filename naming the window.
 *
 * Single-window formats write one snapshot (its tie network and per-actor metrics);
 * series formats write a whole series of windows.
 */
import { InvalidInputError, UnreachableCaseError } from '../domain/errors';
import type { TimeWindow } from '../domain/time-window';

export const SNAPSHOT_FORMATS = ['gexf', 'graphml', 'csv', 'csv-nodes', 'csv-edges', 'json'] as const;
export const SERIES_FORMATS = ['gexf-dynamic', 'csv-series'] as const;
export const EXPORT_FORMATS = [...SNAPSHOT_FORMATS, ...SERIES_FORMATS] as const;

/**
 * GEXF versions written: 1.3 (the default, Gephi 0.9+) and 1.2 ("1.2draft", for networkx
 * releases before 3.5, which read only 1.1 and 1.2).
 */
export const GEXF_VERSIONS = ['1.3', '1.2'] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

/** Checks a GEXF version named by a caller (`version=1.2`, `--gexf-version 1.2`). */
export function parseGexfVersion(value: unknown, field = 'version'): GexfVersion {
  if (!(GEXF_VERSIONS as readonly unknown[]).includes(value))
    throw new InvalidInputError(field, value, `is not one of ${GEXF_VERSIONS.join(', ')}`);
  return value as GexfVersion;
}

/** Whether a format is written as GEXF (and so takes a GEXF version). */
export function isGexfFormat(format: ExportFormat): boolean {
  return format === 'gexf' || format === 'gexf-dynamic';
}

/** One window: static GEXF 1.3 (or 1.2), GraphML, CSV (zip of nodes.csv + edges.csv, or one of them), graphology JSON. */
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];
/** A series of windows: dynamic GEXF 1.3 with spells, and the network figures as one CSV row per window. */
export type SeriesFormat = (typeof SERIES_FORMATS)[number];
export type ExportFormat = SnapshotFormat | SeriesFormat;

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isSeriesFormat(format: ExportFormat): format is SeriesFormat {
  return (SERIES_FORMATS as readonly string[]).includes(format);
}

/** Checks a format named by a caller (URL path segment, `--format`). */
export function parseExportFormat(value: unknown, field = 'format'): ExportFormat {
  if (!isExportFormat(value)) throw new InvalidInputError(field, value, `is not one of ${EXPORT_FORMATS.join(', ')}`);
  return value;
}

export function contentTypeOf(format: ExportFormat): string {
  switch (format) {
    case 'gexf':
    case 'gexf-dynamic':
      return 'application/gexf+xml; charset=utf-8';
    case 'graphml':
      return 'application/graphml+xml; charset=utf-8';
    case 'csv':
      return 'application/zip';
    case 'csv-nodes':
    case 'csv-edges':
    case 'csv-series':
      return 'text/csv; charset=utf-8';
    case 'json':
      return 'application/json; charset=utf-8';
    default:
      throw new UnreachableCaseError(format, 'export format');
  }
}

/** File extension, without the dot. */
export function extensionOf(format: ExportFormat): string {
  switch (format) {
    case 'gexf':
    case 'gexf-dynamic':
      return 'gexf';
    case 'graphml':
      return 'graphml';
    case 'csv':
      return 'zip';
    case 'csv-nodes':
    case 'csv-edges':
    case 'csv-series':
      return 'csv';
    case 'json':
      return 'json';
    default:
      throw new UnreachableCaseError(format, 'export format');
  }
}

/**
 * Download filename, e.g. `copnet-2019-08-01_2020-08-01.gexf`, `copnet-2019-08-01_2020-08-01-nodes.csv`,
 * `copnet-series-2019-08-01_2024-08-01.gexf`. For a series, pass the span it covers. Boundaries
 * at midnight UTC are written as dates, others as `2019-08-01T0930Z`; the name is ASCII only.
 */
export function filenameOf(format: ExportFormat, window: TimeWindow): string {
  const prefix = isSeriesFormat(format) ? 'copnet-series' : 'copnet';
  const suffix = format === 'csv-nodes' ? '-nodes' : format === 'csv-edges' ? '-edges' : '';
  return `${prefix}-${fileDate(window.from)}_${fileDate(window.to)}${suffix}.${extensionOf(format)}`;
}

/** `Content-Disposition` header value for a download of this export. */
export function contentDispositionOf(format: ExportFormat, window: TimeWindow): string {
  return `attachment; filename="${filenameOf(format, window)}"`;
}

function fileDate(instant: Date): string {
  const iso = instant.toISOString(); // 2019-08-01T09:30:15.000Z
  const date = iso.slice(0, 10);
  const [hh, mm, ss] = [iso.slice(11, 13), iso.slice(14, 16), iso.slice(17, 19)];
  if (iso.slice(11, 23) === '00:00:00.000') return date;
  return `${date}T${hh}${mm}${ss === '00' ? '' : ss}Z`;
}
