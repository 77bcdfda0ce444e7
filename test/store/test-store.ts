import neo4j from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { redactUri } from '../../src/store/neo4j/redact-uri';
import { openNeo4jStore, type Neo4jStoreOptions } from '../../src/store/neo4j/neo4j-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

/**
 * Which store the store-backed tests run on: the embedded SQLite file (`npm test`), or the
 * Neo4j at NEO4J_URI when COPNET_TEST_STORE=neo4j (`npm run test:neo4j`, which starts a
 * test server and runs Jest serially, since every test shares the one database).
 *
 * THE NEO4J DATABASE IS WIPED by these helpers; they refuse to wipe one holding nodes that
 * are not copnet's. The statements that do so live here, not in cypher/: the adapter never
 * runs them.
 */
export const TEST_STORE: 'sqlite' | 'neo4j' = process.env.COPNET_TEST_STORE === 'neo4j' ? 'neo4j' : 'sqlite';

/** Test only: counts nodes carrying no copnet label. */
export const COUNT_FOREIGN_NODES =
  'MATCH (n) WHERE NOT (n:Actor OR n:Interaction OR n:CopnetMeta OR n:ActorAlias OR n:AuditEntry OR n:ApiToken OR n:Survey OR n:Rating) RETURN count(n) AS count';
/** Test only: deletes every node and relationship, in batches so a benchmark-sized graph fits in memory. */
export const DELETE_ALL_NODES = 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';

/** The Neo4j settings of this run (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). */
export function neo4jTestOptions(): Neo4jStoreOptions {
  const { neo4j: settings } = loadConfig();
  if (settings.uri === null) throw new Error('COPNET_TEST_STORE=neo4j needs NEO4J_URI: run `npm run test:neo4j`');
  return { uri: settings.uri, user: settings.user, password: settings.password, database: settings.database };
}

let checkedForeign = false;

/** Empties the Neo4j test database (after checking, once per test file, that it holds only copnet data). */
export async function wipeNeo4j(options: Neo4jStoreOptions = neo4jTestOptions()): Promise<void> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
  const session = driver.session({ database: options.database });
  try {
    if (!checkedForeign) {
      const result = await session.run(COUNT_FOREIGN_NODES);
      const foreign = Number(result.records[0]?.get('count'));
      if (foreign > 0) {
        throw new Error(
          `Refusing to wipe the database at NEO4J_URI=${redactUri(options.uri)}: it holds ${foreign} nodes that are not copnet data. ` +
            'Point NEO4J_URI at a scratch database.',
        );
      }
      checkedForeign = true;
    }
    // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
    await session.run(DELETE_ALL_NODES);
  } finally {
    await session.close();
    await driver.close();
  }
}

const openedPaths = new Set<string>();

/**
 * The store the tests run on. SQLite: the file at `path`. Neo4j: the one test database, emptied
 * the first time this test file opens `path`, so reopening a path sees what was written through
 * it, as with a file. Only one path's data exists at a time on Neo4j.
 */
export async function openTestStore(path: string): Promise<Store> {
  if (TEST_STORE === 'sqlite') return openSqliteStore(path);
  if (!openedPaths.has(path)) {
    openedPaths.add(path);
    await wipeNeo4j();
  }
  return openNeo4jStore(neo4jTestOptions());
}
