/** What an import did with one table's rows. */
export interface TableCounts {
  /** Data rows in the file. */
  readonly read: number;
  /** Rows written: new actors or changed ones; new interactions. */
  readonly written: number;
  /** Bad rows, not written. */
  readonly skipped: number;
  /** Rows that were in the store already, unchanged: not written again. */
  readonly alreadyPresent: number;
  /** Interactions whose externalId was in the store already with other data: not written (the stored one is kept). */
  readonly alreadyPresentDifferent: number;
}

/** The counts a table's writer finds out. */
export type WriteCounts = Pick<TableCounts, 'written' | 'alreadyPresent' | 'alreadyPresentDifferent'>;
