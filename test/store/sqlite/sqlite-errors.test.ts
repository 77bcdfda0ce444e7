import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../../../src/domain/errors';
import { isBusy, translateSqliteError } from '../../../src/store/sqlite/sqlite-errors';

/**
 * better-sqlite3's native addon keeps the SqliteError class of the first copy of the module that
 * opened a database in the process. Under Jest each test file has its own copy, so in a worker that
 * ran another SQLite test first, the store's errors are not `instanceof` its own SqliteError:
 * a busy write lock was then not waited for but answered INTERNAL_SERVER_ERROR
 * (test/cli/concurrent-processes.test.ts in the full run).
 */
describe('SQLite errors from another copy of better-sqlite3', () => {
  let dir: string;
  beforeAll(() => {
    // Opened first, the other copy's SqliteError is the one the addon throws from now on.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Other = require('better-sqlite3') as typeof Database;
      new Other(':memory:').close();
    });
    dir = mkdtempSync(join(tmpdir(), 'copnet-sqlite-errors-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still recognises a busy write lock and translates it to StoreUnavailableError', () => {
    const path = join(dir, 'busy.db');
    const holder = new Database(path);
    const other = new Database(path);
    other.pragma('busy_timeout = 0');
    holder.exec('BEGIN IMMEDIATE');
    let thrown: unknown = null;
    try {
      other.exec('BEGIN IMMEDIATE');
    } catch (error) {
      thrown = error;
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      other.close();
    }
    expect(thrown).not.toBeInstanceOf(Database.SqliteError); // the situation this test is about
    expect((thrown as { code?: unknown }).code).toBe('SQLITE_BUSY');
    expect(isBusy(thrown)).toBe(true);
    const translated = translateSqliteError(thrown);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect((translated as Error).message).toBe('Embedded database error: database is locked');
  });

  it('leaves other errors alone', () => {
    const plain = Object.assign(new Error('not sqlite'), { code: 'SQLITE_BUSY' });
    expect(isBusy(plain)).toBe(false);
    expect(translateSqliteError(plain)).toBe(plain);
  });
});
