/** Brokers table logic: sorting, filtering by kind and the CSV download, apart from React. */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ActorKind, BrokersQuery } from '../generated/graphql';

export type BrokerRow = BrokersQuery['networkMetrics']['actors'][number];
export const BROKER_COLUMNS = [
  'name',
  'kind',
  'betweenness',
  'constraint',
  'effectiveSize',
  'degree',
  'coreNumber',
  'closeness',
  'clustering',
  'community',
] as const;
export type BrokerColumn = (typeof BROKER_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

function valueOf(row: BrokerRow, column: BrokerColumn): string | number {
  switch (column) {
    case 'name':
      return row.actor.name;
    case 'kind':
      return row.actor.kind;
    default:
      return row[column];
  }
}

/** Rows of the chosen kinds (all when none), sorted by a column; ties by actor id, so the order is stable. */
export function brokerRows(
  rows: readonly BrokerRow[],
  kinds: readonly ActorKind[],
  column: BrokerColumn,
  direction: SortDirection,
): BrokerRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .filter((row) => kinds.length === 0 || kinds.includes(row.actor.kind))
    .sort((a, b) => {
      const x = valueOf(a, column);
      const y = valueOf(b, column);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order !== 0 ? sign * order : a.actor.id < b.actor.id ? -1 : a.actor.id > b.actor.id ? 1 : 0;
    });
}

/** The table as CSV, exact figures (not the rounded ones shown). */
export function brokersCsv(rows: readonly BrokerRow[]): string {
  return stringify(
    rows.map((row) => [row.actor.id, ...BROKER_COLUMNS.map((column) => valueOf(row, column))]),
    { header: true, columns: ['id', ...BROKER_COLUMNS] },
  );
}
