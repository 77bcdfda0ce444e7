import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { Parser, type Options } from 'csv-parse';
import { ImportFileError } from './import-problem';

/**
 * A CSV file's records, as csv-parse reads them with the import's options (a UTF-8 BOM, the
 * record delimiter found at the first line break, stray quotes inside unquoted fields kept,
 * any number of fields, empty lines skipped), in arrays, each record with the count of empty
 * lines skipped since the file began, the file checked to be UTF-8 on the way.
 *
 * Most files are plain: fields unquoted, or quoted with `""` inside and a comma or the line
 * break right after the closing quote, on LF or CRLF lines. A reader for those alone
 * (`fastRecords`) splits the decoded text with indexOf and slices, about five times faster than
 * csv-parse (a 200,000-row file: 140-160 ms of CPU against 760-830 ms), which was a sixth of an
 * import. At the first record it cannot read exactly as csv-parse would (text after a closing
 * quote, a quote never closed, lines ending in a lone CR, a quoted field longer than
 * FAST_CARRY_LIMIT), it hands the rest of the file, from that record's first byte, to csv-parse
 * with the delimiter already found: csv-parse keeps no other state between records, so that is
 * exactly what csv-parse over the whole file gives (test/import/csv-records.test.ts compares the
 * two on generated files, in chunks of every size).
 */

/** One CSV record, with the count of empty lines skipped since the file began. */
export interface CsvRecord {
  readonly values: string[];
  readonly emptyLinesBefore: number;
}

export interface CsvReadOptions {
  /** Bytes read at a time (tests use tiny chunks to exercise the seams). */
  readonly chunkBytes?: number;
  /** false: csv-parse alone, the reference. */
  readonly fast?: boolean;
}

/**
 * Bytes the fast reader decodes at a time. A megabyte's text is a large object to V8, and a
 * string of that size per chunk had garbage collection take 60% of the read; at 64 KiB the read
 * took a third of the time (200,000 rows: 140-160 ms against 280-590 ms of CPU).
 */
const FAST_CHUNK_BYTES = 1 << 16;
/** Bytes csv-parse is fed at a time. */
const CHUNK_BYTES = 1 << 20;
/** An open quoted field carried over more than this is left to csv-parse (no re-reading it chunk after chunk). */
const FAST_CARRY_LIMIT = 4 << 20;
/** Records handed on at a time: one stream chunk and iterator step per record was about a sixth of an import. */
const RECORDS_PER_PUSH = 1_000;
const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

export function csvRecords(file: string, options: CsvReadOptions = {}): AsyncIterable<CsvRecord[]> {
  return options.fast === false
    ? parsedRecords(file, null, options.chunkBytes ?? CHUNK_BYTES)
    : fastRecords(file, options.chunkBytes ?? FAST_CHUNK_BYTES);
}

/** Where csv-parse takes over from the fast reader. */
interface Resumption {
  readonly byteOffset: number;
  readonly delimiter: '\n' | '\r\n';
  readonly emptyLines: number;
  /** The line that byte is on, for the UTF-8 check's messages. */
  readonly line: number;
}

async function* fastRecords(file: string, chunkBytes: number): AsyncGenerator<CsvRecord[]> {
  const text = new DecodedText(file);
  for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    const records = text.add(chunk);
    if (records) yield records;
    if (text.resumeAt !== null) break;
  }
  if (text.resumeAt === null) {
    const records = text.end();
    if (records) yield records;
  }
  if (text.resumeAt === 'whole file') yield* parsedRecords(file, null, CHUNK_BYTES);
  else if (text.resumeAt !== null) yield* parsedRecords(file, text.resumeAt, CHUNK_BYTES);
}

/**
 * The file's bytes decoded a line break at a time (0x0A never falls inside a multi-byte
 * character), checked to be UTF-8 first, and read by PlainCsv; `resumeAt` says where csv-parse
 * must take over, once PlainCsv has met a record it does not read.
 */
class DecodedText {
  resumeAt: Resumption | 'whole file' | null = null;
  private readonly reader = new PlainCsv();
  private readonly utf8: Utf8Lines;
  private carry: Buffer = Buffer.alloc(0); // bytes after the last line break read
  private pending = ''; // decoded text of a record not yet complete
  private pendingStart = 0; // its first byte in the file
  private started = false;

  constructor(file: string) {
    this.utf8 = new Utf8Lines(file);
  }

  add(chunk: Buffer): CsvRecord[] | null {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const end = bytes.lastIndexOf(NEWLINE) + 1;
    this.carry = bytes.subarray(end);
    if (end === 0) return null;
    const records = this.read(bytes.subarray(0, end), false);
    if (this.resumeAt === null && this.pending.length > FAST_CARRY_LIMIT) this.resumeFrom(this.pendingStart, this.pending);
    return records;
  }

  end(): CsvRecord[] | null {
    return this.read(this.carry, true);
  }

  private read(bytes: Buffer, eof: boolean): CsvRecord[] | null {
    this.utf8.check(bytes);
    let from = 0;
    if (!this.started) {
      // The first bytes decoded hold the file's start: no line break comes before a BOM's end.
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = this.pendingStart = 3;
    }
    const text = this.pending + bytes.toString('utf8', from);
    const end = this.reader.read(text, eof);
    const irregularAt = this.reader.irregularAt;
    if (irregularAt !== null) this.resumeFrom(this.pendingStart + Buffer.byteLength(text.slice(0, irregularAt)), text.slice(irregularAt));
    this.pendingStart += Buffer.byteLength(text.slice(0, end));
    this.pending = text.slice(end);
    const records = this.reader.take();
    return records.length > 0 ? records : null;
  }

  /**
   * csv-parse is to read from `byteOffset`, whose text up to the bytes checked so far is `rest`
   * (so its line is the checker's less the line breaks in `rest`). Before the first line break, no
   * record has been handed on and the delimiter is not known: csv-parse reads it all.
   */
  private resumeFrom(byteOffset: number, rest: string): void {
    const delimiter = this.reader.delimiter;
    const line = this.utf8.line - countLineBreaks(rest);
    this.resumeAt = delimiter === null ? 'whole file' : { byteOffset, delimiter, emptyLines: this.reader.emptyLines, line };
  }
}

/**
 * The plain-record reader: `read` takes text that ends with a line break (or the file's end),
 * gathers the complete records in it and returns where the first incomplete one starts (an
 * open quoted field). It stops at the first record it cannot read exactly as csv-parse would,
 * setting `irregularAt`.
 */
class PlainCsv {
  delimiter: '\n' | '\r\n' | null = null;
  emptyLines = 0;
  irregularAt: number | null = null;
  private records: CsvRecord[] = [];

  take(): CsvRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }

  read(text: string, eof: boolean): number {
    let at = 0;
    let comma = -1; // the next comma at or after `at`, found once and kept (a file without commas is not scanned again per field)
    const length = text.length;
    while (at < length) {
      const start = at;
      if (this.delimiter === null ? this.breaksAt(text, at) : text.startsWith(this.delimiter, at)) {
        if (this.delimiter === null && !this.discover(text, at)) return this.irregular(start);
        this.emptyLines += 1;
        at += this.delimiter!.length;
        continue;
      }
      const values: string[] = [];
      // The line's end for its unquoted fields, found when one needs it: a quoted field may hold
      // line breaks (and before the delimiter is known, its first one is not the delimiter).
      let lineEnd = -1;
      for (;;) {
        if (text.charCodeAt(at) === QUOTE) {
          const field = quotedField(text, at);
          if (field === null) return eof ? this.irregular(start) : start; // not closed in this text
          values.push(field.value);
          at = field.end;
          lineEnd = -1;
          if (at === length) {
            if (!eof) return start;
            break;
          }
          if (text.charCodeAt(at) === COMMA) {
            at += 1;
            continue;
          }
          if (this.delimiter === null && !this.discover(text, at)) return this.irregular(start);
          if (!text.startsWith(this.delimiter!, at)) return this.irregular(start);
          at += this.delimiter!.length;
          break;
        }
        if (lineEnd < at) {
          lineEnd = this.lineEnd(text, at, eof);
          if (lineEnd === -1) return this.irregular(start);
        }
        if (comma < at) {
          comma = text.indexOf(',', at);
          if (comma === -1) comma = length;
        }
        if (comma < lineEnd) {
          values.push(own(text.slice(at, comma)));
          at = comma + 1;
          continue;
        }
        values.push(own(text.slice(at, lineEnd)));
        if (lineEnd === length) at = length;
        else if (this.delimiter === null && !this.discover(text, lineEnd)) return this.irregular(start);
        else at = lineEnd + this.delimiter!.length;
        break;
      }
      this.records.push({ values, emptyLinesBefore: this.emptyLines });
    }
    return at;
  }

  private breaksAt(text: string, at: number): boolean {
    const code = text.charCodeAt(at);
    return code === NEWLINE || code === CR;
  }

  /**
   * Where the line from `at` ends: the delimiter's place, or the text's end at the file's end;
   * -1 when that cannot be told here (left to csv-parse). Before the delimiter is known, the
   * first CR or LF: it becomes the delimiter only if the record's last field reaches it.
   */
  private lineEnd(text: string, at: number, eof: boolean): number {
    let end: number;
    if (this.delimiter !== null) end = text.indexOf(this.delimiter, at);
    else {
      const lf = text.indexOf('\n', at);
      const cr = text.indexOf('\r', at);
      end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    }
    return end !== -1 ? end : eof ? text.length : -1;
  }

  /** Takes the line break at `at` as the file's delimiter; false when it is a lone CR (or none). */
  private discover(text: string, at: number): boolean {
    if (text.startsWith('\r\n', at)) this.delimiter = '\r\n';
    else if (text.charCodeAt(at) === NEWLINE) this.delimiter = '\n';
    return this.delimiter !== null;
  }

  private irregular(at: number): number {
    this.irregularAt = at;
    return at;
  }
}

/** A quoted field from its opening quote at `at`: its value and the place after its closing quote; null if not closed. */
function quotedField(text: string, at: number): { value: string; end: number } | null {
  let from = at + 1;
  let escaped = false;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return null;
    if (text.charCodeAt(quote + 1) === QUOTE) {
      escaped = true;
      from = quote + 2;
      continue;
    }
    const raw = text.slice(at + 1, quote);
    return { value: escaped ? raw.replaceAll('""', '"') : own(raw), end: quote + 1 };
  }
}

/**
 * A copy of a field that does not keep the chunk's text alive: V8 makes a slice of 13 or more
 * characters a view into its parent, and an actor id kept by the import's directory would then
 * hold a megabyte of text each. Concatenating flattens into a new string the length of the field.
 */
function own(field: string): string {
  return field.length < 13 ? field : (' ' + field).slice(1);
}

/** csv-parse over the file, or over its rest from where the fast reader stopped. */
function parsedRecords(file: string, resume: Resumption | null, chunkBytes: number): AsyncIterable<CsvRecord[]> {
  const options: Options = { bom: resume === null, relax_quotes: true, relax_column_count: true, skip_empty_lines: true };
  if (resume !== null) options.record_delimiter = resume.delimiter;
  const parser = new CountingParser(options, resume?.emptyLines ?? 0);
  const check = new Utf8Check(file, resume?.line ?? 1);
  const bytes = createReadStream(file, { highWaterMark: chunkBytes, start: resume?.byteOffset ?? 0 });
  bytes.on('error', (error) => parser.destroy(error));
  check.on('error', (error) => parser.destroy(error));
  return bytes.pipe(check).pipe(parser);
}

/**
 * csv-parse pushes each record the moment it has read it, so its `info.empty_lines` then counts
 * the empty lines before that record. Read there rather than in an `on_record` hook, which has
 * csv-parse build an info object for every record: that doubled the parse's time (200,000 rows:
 * 1.2 s → 2.6 s). Records are gathered into arrays, and what is gathered is handed on at the end
 * of each input chunk, before csv-parse reports an error in it, so the rows read before an error
 * are still seen first (the error's line number counts them).
 *
 * Empty lines are skipped by csv-parse itself: handed over, each would be a record of one field
 * where the header has several, for which csv-parse builds an error object even when told to
 * relax (a million empty lines: 48 s and 900 MB for nothing).
 */
class CountingParser extends Parser {
  private gathered: CsvRecord[] = [];

  constructor(
    options: Options,
    private readonly emptyLinesBefore: number,
  ) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) {
      this.handOn();
      return super.push(null, encoding);
    }
    this.gathered.push({ values: record as string[], emptyLinesBefore: this.emptyLinesBefore + this.info.empty_lines });
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
 * Checks bytes are UTF-8, whole lines at a time, and fails with ImportFileError naming the line
 * when they are not (instead of letting the decoder turn them into U+FFFD). Lines end at byte
 * 0x0A, which is never part of a multi-byte sequence, so a line is checked once whole.
 */
class Utf8Lines {
  constructor(
    private readonly file: string,
    /** The line of the next byte to check. */
    private nextLine = 1,
  ) {}

  get line(): number {
    return this.nextLine;
  }

  /** Throws for the first line of `lines` that is not UTF-8; `lines` ends at a line break or the file's end. */
  check(lines: Buffer): void {
    if (isUtf8(lines)) {
      this.nextLine += countNewlines(lines);
      return;
    }
    let start = 0;
    for (;;) {
      const newline = lines.indexOf(NEWLINE, start);
      const stop = newline === -1 ? lines.length : newline;
      if (!isUtf8(lines.subarray(start, stop)))
        throw new ImportFileError(this.file, 'is not valid UTF-8; save it as UTF-8 and import again', this.nextLine);
      this.nextLine += 1;
      start = stop + 1;
    }
  }
}

/** Utf8Lines as a stream stage in front of csv-parse: bytes pass through unchanged. */
class Utf8Check extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private readonly lines: Utf8Lines;

  constructor(file: string, firstLine: number) {
    super();
    this.lines = new Utf8Lines(file, firstLine);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const end = bytes.lastIndexOf(NEWLINE) + 1;
    this.carry = bytes.subarray(end);
    this.checked(bytes.subarray(0, end), () => done(null, chunk), done);
  }

  override _flush(done: TransformCallback): void {
    this.checked(this.carry, () => done(), done);
  }

  private checked(lines: Buffer, ok: () => void, failed: (error: Error) => void): void {
    try {
      this.lines.check(lines);
    } catch (error) {
      return failed(error as Error);
    }
    ok();
  }
}

/** LF characters in `text`: the lines it adds beyond its first. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}
