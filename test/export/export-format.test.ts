import {
  EXPORT_FORMATS,
  contentDispositionOf,
  contentTypeOf,
  extensionOf,
  filenameOf,
  isSeriesFormat,
  parseExportFormat,
} from '../../src/export/export-format';
import { SCHOOL_YEAR } from './fixture';

describe('export formats', () => {
  it('names the files after the window', () => {
    expect(EXPORT_FORMATS.map((format) => filenameOf(format, SCHOOL_YEAR))).toEqual([
      'copnet-2019-08-01_2020-08-01.gexf',
      'copnet-2019-08-01_2020-08-01.graphml',
      'copnet-2019-08-01_2020-08-01.zip',
      'copnet-2019-08-01_2020-08-01-nodes.csv',
      'copnet-2019-08-01_2020-08-01-edges.csv',
      'copnet-2019-08-01_2020-08-01.json',
      'copnet-series-2019-08-01_2020-08-01.gexf',
      'copnet-series-2019-08-01_2020-08-01.csv',
    ]);
  });

  it('writes times that are not midnight UTC without colons', () => {
    const window = { from: new Date('2020-01-06T09:30:00Z'), to: new Date('2020-01-13T17:45:15.500Z') };
    expect(filenameOf('json', window)).toBe('copnet-2020-01-06T0930Z_2020-01-13T174515Z.json');
    expect(contentDispositionOf('csv', SCHOOL_YEAR)).toBe('attachment; filename="copnet-2019-08-01_2020-08-01.zip"');
  });

  it('gives each format its content type and extension', () => {
    expect(EXPORT_FORMATS.map((format) => [format, contentTypeOf(format), extensionOf(format), isSeriesFormat(format)])).toEqual([
      ['gexf', 'application/gexf+xml; charset=utf-8', 'gexf', false],
      ['graphml', 'application/graphml+xml; charset=utf-8', 'graphml', false],
      ['csv', 'application/zip', 'zip', false],
      ['csv-nodes', 'text/csv; charset=utf-8', 'csv', false],
      ['csv-edges', 'text/csv; charset=utf-8', 'csv', false],
      ['json', 'application/json; charset=utf-8', 'json', false],
      ['gexf-dynamic', 'application/gexf+xml; charset=utf-8', 'gexf', true],
      ['csv-series', 'text/csv; charset=utf-8', 'csv', true],
    ]);
  });

  it('parses a format name and rejects anything else with one clear message', () => {
    expect(parseExportFormat('gexf-dynamic')).toBe('gexf-dynamic');
    expect(() => parseExportFormat('xlsx')).toThrow(
      'format: "xlsx" is not one of gexf, graphml, csv, csv-nodes, csv-edges, json, gexf-dynamic, csv-series',
    );
    expect(() => parseExportFormat(undefined, '--format')).toThrow('--format: (missing) is not one of');
  });
});
