import { Arg, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { InvalidInputError } from '../../domain/errors';
import { isSeriesFormat } from '../../export/export-format';
import { DEFAULT_CUSUM, seriesChangePoints } from '../../metrics/change-points';
import { ChangePoint } from './change-point.type';
import { reportPath } from './report-path';
import { ExportFormatEnum, exportPath, toExportFormat, type ExportFormatName } from './export-path';
import { NetworkSeries } from './network-snapshot.type';

@Resolver(() => NetworkSeries)
export class NetworkSeriesResolver {
  @FieldResolver(() => String, {
    description: 'Where to download the whole series: a path on this server, e.g. /export/gexf-dynamic?from=…&to=…&step=MONTH.',
  })
  exportUrl(
    @Root() { series, scope }: NetworkSeries,
    @Arg('format', () => ExportFormatEnum, { defaultValue: 'GEXF_DYNAMIC' }) format: ExportFormatName,
  ): string {
    const exportFormat = toExportFormat(format);
    if (!isSeriesFormat(exportFormat)) {
      throw new InvalidInputError('format', format, 'is a single-window format: ask NetworkSnapshot.exportUrl for it');
    }
    return exportPath(exportFormat, series, scope);
  }

  @FieldResolver(() => String, {
    description:
      "Where to read this series' school-year report (one self-contained HTML document, reader role): a path on this server, e.g. /report?from=…&to=…&step=SCHOOL_YEAR.",
  })
  reportUrl(@Root() { series, scope }: NetworkSeries): string {
    return reportPath(series, scope);
  }

  @FieldResolver(() => [ChangePoint], {
    description:
      'When the signals shifted: tabular two-sided CUSUM with re-baselining over BETWEENNESS_CENTRALIZATION, DENSITY, CROSS_NETWORK_TIE_SHARE, FOUNDATION_TIE_SHARE and FOUNDATION_INITIATED_SHARE, by signal then window. The first baselineWindows windows (at least 2) give μ₀ (mean) and σ (sample standard deviation; σ = 0 gives no change points); after it, z = (x − μ₀)/σ, C⁺ = max(0, C⁺ + z − k), C⁻ = max(0, C⁻ − z − k) from 0; an alarm is the first window where C⁺ > h (UP) or C⁻ > h (DOWN), the larger when both; then the alarm window and the baselineWindows − 1 after it are a new baseline and both sums restart. Empty with fewer than baselineWindows + 1 windows. Definition in the README.',
  })
  changePoints(
    @Root() { snapshots }: NetworkSeries,
    @Arg('baselineWindows', () => Int, { defaultValue: DEFAULT_CUSUM.baselineWindows }) baselineWindows: number,
    @Arg('k', () => Float, { defaultValue: DEFAULT_CUSUM.k, description: 'Slack, in baseline standard deviations (≥ 0).' }) k: number,
    @Arg('h', () => Float, { defaultValue: DEFAULT_CUSUM.h, description: 'Decision threshold (> 0).' }) h: number,
  ): ChangePoint[] {
    const windows = snapshots.map((s) => s.window);
    return seriesChangePoints(
      snapshots.map((s) => s.snapshot),
      { baselineWindows, k, h },
    ).map((point) => ({ ...point, window: windows[point.window]!, since: windows[point.since]! }));
  }
}
