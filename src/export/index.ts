/** Public surface of the export writers: what HTTP, GraphQL and the CLI import. */
export * from './export-format';
export type { NetworkExport, SeriesFiguresRow } from './export-data';
export { renderExport, writeExport, exportToBuffer, type ExportRequest } from './write-export';
