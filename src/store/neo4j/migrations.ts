import type { Session } from 'neo4j-driver';
import { readMigrations, readStatement } from './cypher-files';
import type { StatementName } from './statements';

/**
 * Brings a database up to date once, not at every start (issue 18): the names of the migrations
 * applied are kept in (:CopnetMeta {id: 'migrations', applied}), read in one statement when the
 * store opens, and only the missing ones run. Two kinds:
 * - schema migrations, the files of cypher/migrations (constraints and indexes, `IF NOT EXISTS`):
 *   Neo4j runs schema changes in transactions of their own, so those applied are recorded after
 *   the last of them ran; one interrupted before that only runs again, harmlessly;
 * - data migrations (DATA_MIGRATIONS), which scan the data: each runs and is recorded in one
 *   transaction, after the schema ones (they rely on the indexes).
 * A database emptied by deleting its nodes loses the record and gets every migration again.
 */

/** One-time rewrites of data written by an older copnet, by statement name, in the order to run them. */
export const DATA_MIGRATIONS: readonly StatementName[] = ['copy-interaction-actors'];

/** Applies what the database has not applied yet; returns the names applied now (empty on a database up to date). */
export async function applyMigrations(session: Session): Promise<string[]> {
  const { records } = await session.executeRead((tx) => tx.run(readStatement('read-applied-migrations')));
  const applied = new Set((records[0]?.get('applied') as string[] | undefined) ?? []);
  const now: string[] = [];
  for (const migration of readMigrations()) {
    if (applied.has(migration.name)) continue;
    await session.executeWrite((tx) => tx.run(migration.text));
    now.push(migration.name);
  }
  // The schema migrations applied now are recorded together, with the first data migration if one runs: one
  // transaction where there was one per migration (a first start's round trips on a cold server, issue 18).
  let unrecorded = [...now];
  for (const name of DATA_MIGRATIONS) {
    if (applied.has(name)) continue;
    const names = [...unrecorded, name];
    await session.executeWrite(async (tx) => {
      await tx.run(readStatement(name));
      await tx.run(readStatement('record-migrations'), { names });
    });
    unrecorded = [];
    now.push(name);
  }
  if (unrecorded.length > 0) await session.executeWrite((tx) => tx.run(readStatement('record-migrations'), { names: unrecorded }));
  return now;
}

/** Every migration name, schema then data, as the record lists them on a database up to date. */
export function migrationNames(): string[] {
  return [...readMigrations().map((migration) => migration.name), ...DATA_MIGRATIONS];
}
