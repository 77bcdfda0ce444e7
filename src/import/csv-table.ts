import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { open } from 'node:fs/promises';
import { CsvError, Parser, type Options } from 'csv-parse';
import { ImportFileError, type ImportProblem } from './import-problem';
import type { RowSource } from './row-source';

/**
 * Streams a CSV file row by row with csv-parse (quoted fields with commas, quotes and line
 * breaks, a UTF-8 BOM, LF or CRLF, stray quotes inside unquoted fields), so a file of any
 * size is read in constant memory. The first row is the header; columns are matched by
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
            line += 1 + countLineBreaks(values);
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

/** One CSV record, with the count of empty lines csv-parse skipped since the file began. */
interface CsvRecord {
  readonly values: string[];
  readonly emptyLinesBefore: number;
}

/**
 * The file's records, in arrays of up to RECORDS_PER_PUSH. Empty lines are skipped by csv-parse itself: handed over, each would be a
 * record of one field where the header has several, for which csv-parse builds an error object
 * even when told to relax (a million empty lines: 48 s and 900 MB for nothing). Their count
 * keeps the line numbers true (see CountingParser).
 */
function csvRecords(file: string): AsyncIterable<CsvRecord[]> {
  const options: Options = { bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true };
  const parser = new CountingParser(options);
  const bytes = createReadStream(file, { highWaterMark: 1 << 20 });
  const check = new Utf8Check(file);
  bytes.on('error', (error) => parser.destroy(error));
  check.on('error', (error) => parser.destroy(error));
  return bytes.pipe(check).pipe(parser);
}

/**
 * Records handed on at a time. One stream chunk and one async-iterator step per record were
 * about a sixth of an import's time (stream and promise plumbing, 200,000 rows).
 */
const RECORDS_PER_PUSH = 1_000;

/**
 * csv-parse pushes each record the moment it has read it, so its `info.empty_lines` then counts
 * the empty lines before that record. Read there rather than in an `on_record` hook, which has
 * csv-parse build an info object for every record: that doubled the parse's time (200,000 rows:
 * 1.2 s → 2.6 s). Records are gathered into arrays, and what is gathered is handed on at the end
 * of each input chunk, before csv-parse reports an error in it, so the rows read before an error
 * are still seen first (the error's line number counts them).
 */
class CountingParser extends Parser {
  private gathered: CsvRecord[] = [];

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) {
      this.handOn();
      return super.push(null, encoding);
    }
    this.gathered.push({ values: record as string[], emptyLinesBefore: this.info.empty_lines });
    return this.gathered.length >= RECORDS_PER_PUSH ? this.handOn() : true;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, done: TransformCallback): void {
    super._transform(chunk, encoding, (error?: Error | null) => {
      this.handOn();
      done(error);
    });
  }

  override _flush(done: TransformCallback): void {
    super._flush((error?: Error | null) => {
      this.handOn();
      done(error);
    });
  }

  private handOn(): boolean {
    if (this.gathered.length === 0) return true;
    const records = this.gathered;
    this.gathered = [];
    return super.push(records);
  }
}

/**
 * Passes bytes through unchanged and fails with ImportFileError naming the line when they are
 * not valid UTF-8 (instead of letting the decoder turn them into U+FFFD). Lines end at
 * byte 0x0A, which is never part of a multi-byte sequence, so a line is checked once whole.
 */
class Utf8Check extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private line = 1;

  constructor(private readonly file: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const end = bytes.lastIndexOf(0x0a) + 1;
    this.carry = bytes.subarray(end);
    const problem = this.check(bytes.subarray(0, end));
    if (problem) return done(problem);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.check(this.carry));
  }

  private check(lines: Buffer): ImportFileError | null {
    if (isUtf8(lines)) {
      for (let at = lines.indexOf(0x0a); at !== -1; at = lines.indexOf(0x0a, at + 1)) this.line += 1;
      return null;
    }
    let start = 0;
    for (;;) {
      const newline = lines.indexOf(0x0a, start);
      const stop = newline === -1 ? lines.length : newline;
      if (!isUtf8(lines.subarray(start, stop)))
        return new ImportFileError(this.file, 'is not valid UTF-8; save it as UTF-8 and import again', this.line);
      this.line += 1;
      start = stop + 1;
    }
  }
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

function countLineBreaks(values: readonly string[]): number {
  let count = 0;
  for (const value of values) {
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count += 1;
  }
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
