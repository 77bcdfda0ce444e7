import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { InvalidInputError } from '../../domain/errors';
import { isSeriesFormat } from '../../export/export-format';
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
}
