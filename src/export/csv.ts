/**
 * CSV exports, written by csv-stringify (RFC 4180 quoting; UTF-8 without BOM; LF line ends):
 * - nodes.csv: id, name, kind, region, then every per-actor metric (columns.ts);
 * - edges.csv: source, target, interactions, weight, first_at, last_at — one row per tie,
 *   source < target;
 * - the metric series: window_from, window_to, label, then every network figure, one row per window.
 * A missing value (unknown region, no label, no hub) is an empty cell. Streamed in chunks of rows.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return is written with a leading `'`, so a spreadsheet shows it as text
 * instead of running it. Numbers are written as numbers, never prefixed.
 */
import { stringify } from 'csv-stringify/sync';
import type { Column } from './columns';
import { ACTOR_ATTRIBUTE_COLUMNS, SERIES_COLUMNS, TIE_ATTRIBUTE_COLUMNS } from './columns';
import type { ExportActor, ExportTie, PreparedNetwork, SeriesFiguresRow } from './export-data';

const ROWS_PER_CHUNK = 500;

export const NODE_COLUMNS: readonly Column<ExportActor>[] = [
  { name: 'id', type: 'string', value: (actor) => actor.id },
  ...ACTOR_ATTRIBUTE_COLUMNS,
];

export const EDGE_COLUMNS: readonly Column<ExportTie>[] = [
  { name: 'source', type: 'string', value: (tie) => tie.source },
  { name: 'target', type: 'string', value: (tie) => tie.target },
  ...TIE_ATTRIBUTE_COLUMNS,
];

export function nodesCsvChunks(prepared: PreparedNetwork): Generator<string> {
  return csvChunks(NODE_COLUMNS, prepared.actors);
}

export function edgesCsvChunks(prepared: PreparedNetwork): Generator<string> {
  return csvChunks(EDGE_COLUMNS, prepared.ties);
}

export function seriesCsvChunks(rows: readonly SeriesFiguresRow[]): Generator<string> {
  return csvChunks(SERIES_COLUMNS, rows);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would read as a formula gets a leading `'`; anything else is as given. */
export function neutralizeFormula<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

function* csvChunks<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Generator<string> {
  yield stringify([columns.map((column) => column.name)]);
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    const records = rows.slice(start, start + ROWS_PER_CHUNK).map((row) => columns.map((column) => neutralizeFormula(column.value(row))));
    yield stringify(records);
  }
}
