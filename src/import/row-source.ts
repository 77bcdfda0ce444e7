import type { Cells } from './import-format';
import type { ImportProblem } from './import-problem';
import type { RowLocation } from './row-location';

/**
 * One table of an import file, CSV or JSON, read row by row as often as the importer needs
 * (once to validate, once to write).
 */
export interface SourceRow<F extends string> extends RowLocation {
  /** 0-based position among the table's data rows (blank CSV rows not counted). */
  readonly ordinal: number;
  readonly cells: Cells<F>;
  /** Set when the row as a whole is unusable (wrong number of CSV fields, a JSON value that is not an object). */
  readonly rowProblem: string | null;
}

export interface RowSource<F extends string> {
  /** The file as named by the user. */
  readonly file: string;
  /** What is odd about the table but does not stop the import (e.g. columns copnet ignores). */
  readonly warnings?: readonly ImportProblem[];
  /** The column (CSV) or field (JSON) name of a field, as the user wrote it. */
  columnOf(field: F): string;
  /** Reads the table from the start, calling `onRow` for each row (awaited when it returns a promise). */
  scan(onRow: (row: SourceRow<F>) => void | Promise<void>): Promise<void>;
}
