import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * A temporary file of checked rows, so the write pass reads back compact, already parsed
 * rows instead of parsing the CSV a second time (a second csv-parse pass with its re-checks
 * costs several times more than reading the spool back), while
 * memory stays flat: rows go to disk in chunks of CHUNK_ROWS, each a length-prefixed
 * v8.serialize() buffer, and come back one chunk at a time. The file is deleted by
 * `dispose`.
 */
const CHUNK_ROWS = 10_000;

export class RowSpool<T> {
  private chunk: T[] = [];
  private rows = 0;

  private constructor(
    private readonly dir: string,
    private readonly handle: FileHandle,
  ) {}

  static async create<T>(): Promise<RowSpool<T>> {
    const dir = await mkdtemp(join(tmpdir(), 'copnet-import-'));
    const handle = await open(join(dir, 'rows.spool'), 'w+');
    return new RowSpool<T>(dir, handle);
  }

  get size(): number {
    return this.rows;
  }

  /** Adds a row; returns a promise only when a chunk is being written. */
  push(row: T): Promise<void> | null {
    this.chunk.push(row);
    this.rows += 1;
    return this.chunk.length >= CHUNK_ROWS ? this.flush() : null;
  }

  /** Writes what is buffered; call before `read`. */
  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const body = serialize(this.chunk);
    this.chunk = [];
    const head = Buffer.alloc(4);
    head.writeUInt32LE(body.length, 0);
    await this.handle.write(head);
    await this.handle.write(body);
  }

  /** The rows, in the order pushed, a chunk at a time. */
  async *read(): AsyncIterable<T[]> {
    await this.flush();
    const head = Buffer.alloc(4);
    let position = 0;
    for (;;) {
      if ((await this.readAt(head, position)) < 4) return;
      const length = head.readUInt32LE(0);
      const body = Buffer.alloc(length);
      if ((await this.readAt(body, position + 4)) < length) throw new Error('import spool: file ends inside a chunk');
      position += 4 + length;
      yield deserialize(body) as T[];
    }
  }

  /** Fills `buffer` from `position` (reads may come back short); returns the bytes read. */
  private async readAt(buffer: Buffer, position: number): Promise<number> {
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await this.handle.read(buffer, filled, buffer.length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
