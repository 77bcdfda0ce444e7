import type { InteractionKind } from '../../domain/interaction';
import type { Scope } from '../../domain/scope';
import type { TimeWindow } from '../../domain/time-window';
import type { InteractionSink } from '../store';
import { afterInteraction, windowWhere } from './conditions';

/** A window's row as a series reads it: only what InteractionColumns keeps, plus the id for the order. */
export type ColumnRow = [at: number, kind: InteractionKind, weight: number, initiatorId: string, participantIds: string, id: string];

/**
 * Rows per chunk: the store's connection is free between two chunks, so other requests'
 * reads and writes go through during a long range (as streamWindow's pages).
 */
const CHUNK = 4000;

/** The columns of a ColumnRow, in its order. */
export const COLUMN_ROW_SELECT = 'SELECT occurred_at, kind, weight, initiator_id, participant_ids, id FROM interactions';

/** Appends raw rows to `sink`; returns the last row, or undefined when there was none. */
export function appendColumnRows(rows: Iterable<ColumnRow>, sink: InteractionSink): ColumnRow | undefined {
  let last: ColumnRow | undefined;
  for (const row of rows) {
    const [at, kind, weight, initiator, participants, id] = row;
    sink.append(at, kind, weight, initiator, JSON.parse(participants) as string[], id);
    last = row;
  }
  return last;
}

/**
 * Appends a window's interactions to `sink`, as streamWindow yields them (same conditions, same
 * (occurredAt, id) order, keyset-paged the same way), but as raw rows of six columns: no row
 * object, no Interaction, no Date, no external id or note per row. On the demo's series range
 * that is about half streamWindow's time (better-sqlite3 builds every value of a row).
 * `query` runs one chunk's statement as raw rows; `between` runs between two chunks (the store
 * lets the event loop turn).
 */
export async function readWindowColumns(
  query: (sql: string, params: readonly unknown[]) => ColumnRow[],
  window: TimeWindow,
  scope: Scope,
  sink: InteractionSink,
  between: () => Promise<unknown>,
): Promise<void> {
  const base = windowWhere(window.from, window.to, scope);
  let after: { occurredAt: number; id: string } | null = null;
  for (;;) {
    const where = afterInteraction(base.copy(), after);
    const rows = query(`${COLUMN_ROW_SELECT} ${where.sql()} ORDER BY occurred_at, id LIMIT ?`, [...where.params, CHUNK]);
    const last = appendColumnRows(rows, sink);
    if (!last || rows.length < CHUNK) return;
    after = { occurredAt: last[0], id: last[5] };
    await between();
  }
}
