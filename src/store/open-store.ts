import type { Config } from '../config';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

/** Opens the store the configuration selects: Neo4j when configured, the embedded SQLite file otherwise. */
export async function openConfiguredStore(config: Config): Promise<Store> {
  switch (config.store) {
    case 'sqlite':
      return openSqliteStore(config.dbPath);
    case 'neo4j': {
      // Loaded lazily so the embedded default never pays for the driver.
      const { openNeo4jStore } = await import('./neo4j/neo4j-store');
      const { uri, user, password, database } = config.neo4j;
      return openNeo4jStore({ uri: uri!, user, password, database });
    }
    default: {
      const unreachable: never = config.store;
      throw new Error(`Unknown store ${String(unreachable)}`);
    }
  }
}
