import Database from 'better-sqlite3';
import { InvalidInputError, StoreUnavailableError } from '../../domain/errors';

/**
 * The one place that turns SQLite's own failures into copnet's errors: a file that cannot be
 * opened, a full disk, a lock held too long or a closed connection become StoreUnavailableError.
 * Anything else (our own InvalidInputError, a bug) passes through unchanged.
 */

/** Returns the error to throw in place of `error`. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof InvalidInputError) return error;
  // The closed-connection TypeError comes from native code, so it may belong to another
  // realm (as under Jest): recognise it by its message, not by instanceof.
  const message = error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
  if (isSqliteError(error) || /connection is not open/.test(message)) {
    return new StoreUnavailableError(`Embedded database error: ${message}`, { cause: error });
  }
  return error;
}

/** Why the file at `path` could not be opened, naming the setting to fix. */
export function openFailure(path: string, error: unknown): StoreUnavailableError {
  return new StoreUnavailableError(`Cannot open the embedded database at COPNET_DB_PATH=${path}: ${(error as Error).message}`, {
    cause: error,
  });
}

/** Whether SQLite refused because another connection holds the write lock (SQLITE_BUSY and its extended codes). */
export function isBusy(error: unknown): boolean {
  return isSqliteError(error) && error.code.startsWith('SQLITE_BUSY');
}

/**
 * A better-sqlite3 SqliteError, recognised by its name and code rather than instanceof: the
 * native addon throws the class of the first copy of the module that opened a database in the
 * process, and under Jest every test file has its own copy, and its own realm, so not even
 * instanceof Error holds (test/store/sqlite/sqlite-errors.test.ts).
 */
function isSqliteError(error: unknown): error is { readonly name: string; readonly code: string; readonly message: string } {
  return (
    error instanceof Database.SqliteError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'SqliteError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}
