import type { Scope } from '../../domain/scope';
import type { SeriesInput } from '../../metrics/series';
import { exportPath } from './export-path';

/** The report endpoint's path for a series and scope (src/http/report-route.ts): the series export's query on /report. */
export function reportPath(series: SeriesInput, scope: Scope & { coParticipationLimit?: number | null }): string {
  const path = exportPath('csv-series', series, scope);
  return `/report${path.slice(path.indexOf('?'))}`;
}
