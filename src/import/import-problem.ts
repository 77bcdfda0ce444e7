/**
 * What the importer reports. A problem is one thing wrong in one place: a cell (file, row,
 * column), a whole row (wrong number of fields) or a whole file (missing columns, not
 * CSV, not JSON, unreadable). Each prints as one line.
 */
export interface ImportProblem {
  /** The file as named on the command line. */
  readonly file: string;
  /** The row's first line in a CSV file (the header is line 1); null for JSON or the whole file. */
  readonly line: number | null;
  /** Where in a JSON document, e.g. `interactions[3]`; null for CSV or the whole file. */
  readonly path: string | null;
  /** The CSV column or JSON field at fault; null when the whole row or file is. */
  readonly column: string | null;
  readonly reason: string;
}

/** e.g. `interactions.csv, line 12, column occurred_at: "2019-02-30" is not a real calendar date-time`. */
export function formatProblem(problem: ImportProblem): string {
  const where = [problem.file];
  if (problem.line !== null) where.push(`line ${problem.line}`);
  if (problem.path !== null) where.push(problem.path);
  if (problem.column !== null) where.push(`${problem.path !== null ? 'field' : 'column'} ${problem.column}`);
  return `${where.join(', ')}: ${problem.reason}`;
}

/** A problem with a whole file: the import stops before writing anything. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly problem: ImportProblem;

  constructor(file: string, reason: string, line: number | null = null) {
    const problem: ImportProblem = { file, line, path: null, column: null, reason };
    super(formatProblem(problem));
    this.problem = problem;
  }
}
