import { open } from 'node:fs/promises';
import { CsvError } from 'csv-parse';
import { countLineBreaks, csvRecords } from './csv-records';
import { ImportFileError, type ImportProblem } from './import-problem';
import type { RowSource } from './row-source';

/**
 * Streams a CSV file row by row as csv-parse reads it (quoted fields with commas, quotes and line
 * breaks, a UTF-8 BOM, LF or CRLF, stray quotes inside unquoted fields; csv-records.ts), so a file
 * of any size is read in constant memory. The first row is the header; columns are matched by
 * name, case-insensitively and whatever their order; missing required columns, or a column
 * named twice, stop the import with one error naming them, and columns copnet does not know
 * are named in a warning. Empty lines, and rows whose cells are all blank, are skipped.
 *
 * Line numbers are counted here rather than taken from csv-parse (whose count drifts on
 * CRLF line breaks inside quoted fields): a row's line is the line it starts on, the
 * header being line 1.
 */

/** Checks the file exists and its header has the required columns; the rows are read by `scan`. */
export async function openCsvTable<F extends string>(
  file: string,
  columns: Readonly<Record<F, string>>,
  required: readonly F[],
): Promise<RowSource<F>> {
  const header = await readHeader(file);
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (key === '') return;
    const first = positions.get(key);
    // A second column of a name would silently lose one of the two: refused.
    if (first !== undefined) {
      throw new ImportFileError(
        file,
        `the header names the column ${JSON.stringify(name.trim())} twice (columns ${first + 1} and ${i + 1}); each column may appear once`,
        1,
      );
    }
    positions.set(key, i);
  });
  const fields = Object.keys(columns) as F[];
  const known = new Set<string>(Object.values(columns));
  const unknown = header.map((name) => name.trim()).filter((name) => name !== '' && !known.has(name.toLowerCase()));
  const warnings: ImportProblem[] =
    unknown.length === 0
      ? []
      : [
          {
            file,
            line: 1,
            path: null,
            column: null,
            reason: `the column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => JSON.stringify(name)).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not copnet's and ignored (its columns: ${[...known].join(', ')})`,
          },
        ];
  const missing = required.filter((field) => !positions.has(columns[field]));
  if (missing.length > 0) {
    const found = header.map((name) => name.trim()).filter((name) => name !== '');
    const looksLikeJson = /^\s*[[{]/.test(header[0] ?? '');
    throw new ImportFileError(
      file,
      `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((f) => columns[f]).join(', ')}` +
        ` (the header has ${found.length === 0 ? 'no column names' : found.join(', ')})` +
        (looksLikeJson ? '; this looks like JSON: use --format json' : ''),
    );
  }
  const index = fields.map((field) => positions.get(columns[field]) ?? -1);

  return {
    file,
    warnings,
    columnOf: (field) => columns[field],
    async scan(onRow) {
      let line = 1;
      let ordinal = 0;
      let isHeader = true;
      let emptyLines = 0;
      try {
        for await (const records of csvRecords(file))
          for (const record of records) {
            const values = record.values;
            line += record.emptyLinesBefore - emptyLines;
            emptyLines = record.emptyLinesBefore;
            const startLine = line;
            line += 1 + lineBreaksIn(values);
            if (isHeader) {
              isHeader = false;
              continue;
            }
            if (isBlank(values)) continue;
            const cells = {} as Record<F, unknown>;
            for (let f = 0; f < fields.length; f++) {
              const at = index[f]!;
              cells[fields[f]!] = at >= 0 ? values[at] : undefined;
            }
            const rowProblem =
              values.length === header.length
                ? null
                : `has ${values.length} field${values.length === 1 ? '' : 's'}; the header has ${header.length}`;
            const pending = onRow({ ordinal, line: startLine, path: null, cells, rowProblem });
            ordinal += 1;
            if (pending) await pending;
          }
      } catch (error) {
        throw asFileError(file, error, line);
      }
    },
  };
}

async function readHeader(file: string): Promise<string[]> {
  try {
    const handle = await open(file, 'r');
    await handle.close();
  } catch (error) {
    throw asFileError(file, error, null);
  }
  let header: string[] | null = null;
  const records = csvRecords(file)[Symbol.asyncIterator]();
  try {
    const first = await records.next();
    const record = first.done ? undefined : first.value[0];
    // The header is the first line: one after empty lines is not taken for it.
    if (record && record.emptyLinesBefore === 0) header = record.values;
  } catch (error) {
    throw asFileError(file, error, 1);
  } finally {
    await records.return?.();
  }
  if (header === null || isBlank(header)) {
    throw new ImportFileError(file, 'is empty: the first line must be a header row naming the columns');
  }
  return header;
}

function lineBreaksIn(values: readonly string[]): number {
  let count = 0;
  for (const value of values) count += countLineBreaks(value);
  return count;
}

function isBlank(values: readonly string[]): boolean {
  return values.every((value) => value.trim() === '');
}

function asFileError(file: string, error: unknown, line: number | null): ImportFileError {
  if (error instanceof ImportFileError) return error;
  if (error instanceof CsvError) return new ImportFileError(file, `is not valid CSV: ${describeCsvError(error)}`, line);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new ImportFileError(file, 'does not exist');
  if (code === 'EISDIR') return new ImportFileError(file, 'is a directory, not a file');
  if (code === 'EACCES') return new ImportFileError(file, 'cannot be read (permission denied)');
  throw error;
}

/** csv-parse's message without its own line count (ours is the one reported). */
function describeCsvError(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed (a " is missing)';
  return error.message.replace(/\s*(at|on) line \d+/g, '');
}
