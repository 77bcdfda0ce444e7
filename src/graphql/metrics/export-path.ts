import { enumOf } from '../common/enums';
import { registerEnumType } from 'type-graphql';
import type { Scope } from '../../domain/scope';
import type { TimeWindow } from '../../domain/time-window';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/export-format';
import type { SeriesInput } from '../../metrics/series';

/** GraphQL names of the export formats: `csv-nodes` is CSV_NODES. */
type FormatName<F extends string> = Uppercase<F extends `${infer A}-${infer B}` ? `${A}_${FormatName<B>}` : F>;
export type ExportFormatName = FormatName<ExportFormat>;

export const ExportFormatEnum = enumOf<ExportFormatName>(EXPORT_FORMATS.map(toName));
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description:
    "GEXF (1.3, Gephi), GRAPHML (networkx, igraph, R), CSV (zip of nodes.csv and edges.csv), CSV_NODES, CSV_EDGES, JSON (graphology serialization) for one window; GEXF_DYNAMIC (ties with spells, for Gephi's timeline) and CSV_SERIES (one row of figures per window) for a series.",
});

function toName(format: ExportFormat): ExportFormatName {
  return format.toUpperCase().replace(/-/g, '_') as ExportFormatName;
}

export function toExportFormat(name: ExportFormatName): ExportFormat {
  return name.toLowerCase().replace(/_/g, '-') as ExportFormat;
}

/** The export endpoint's path and query for a window or a series, as served by src/http/export-route.ts. */
export function exportPath(
  format: ExportFormat,
  range: TimeWindow | SeriesInput,
  scope: Scope & { coParticipationLimit?: number | null },
): string {
  const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString() });
  if ('step' in range) {
    query.set('step', range.step);
    if (range.windowSize !== null && range.windowSize !== undefined) query.set('windowSize', String(range.windowSize));
    if (range.expanding) query.set('expanding', 'true');
  }
  if (scope.actorKinds?.length) query.set('actorKinds', scope.actorKinds.join(','));
  if (scope.interactionKinds?.length) query.set('interactionKinds', scope.interactionKinds.join(','));
  if (scope.coParticipationLimit !== null && scope.coParticipationLimit !== undefined) {
    query.set('coParticipationLimit', String(scope.coParticipationLimit));
  }
  return `/export/${format}?${query.toString()}`;
}
