import { describeValue } from '../domain/errors';
import type { ImportProblem } from './import-problem';
import { rowName, type RowLocation } from './row-location';
import type { RowSource } from './row-source';

/** Hands on each problem as it is found. */
export type Report = (problem: ImportProblem) => void;

/** A problem in the row of `source` at `at`: in the cell of `field`, or in the whole row when field is null. */
export function problemAt<F extends string>(source: RowSource<F>, at: RowLocation, field: F | null, reason: string): ImportProblem {
  return { file: source.file, line: at.line, path: at.path, column: field === null ? null : source.columnOf(field), reason };
}

/** Why a row is bad whose id (or external id) an earlier row of the same file has already. */
export function repeatedInFile(id: string, first: RowLocation): string {
  return `${describeValue(id)} appears more than once in the file (first on ${rowName(first)})`;
}
