/** Where a row is in its file: a CSV row's first line (the header is line 1), or a JSON row's path, e.g. `actors[3]`. */
export interface RowLocation {
  /** CSV: the line the row starts on. JSON: null. */
  readonly line: number | null;
  /** JSON: where the row is, e.g. `interactions[3]`. CSV: null. */
  readonly path: string | null;
}

/** The location alone, so that keeping it does not keep the row's cells. */
export function locationOf(row: RowLocation): RowLocation {
  return { line: row.line, path: row.path };
}

/** The location as messages that point at another row name it: `line 4` or `actors[3]`. */
export function rowName(location: RowLocation): string {
  return location.line !== null ? `line ${location.line}` : (location.path ?? '?');
}
