import type { Config } from '../config';
import { openNeo4jStore } from './neo4j/neo4j-store';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';
import { UnreachableCaseError } from '../domain/errors';

/** Opens the store the configuration selects: Neo4j when configured, the embedded SQLite file otherwise. */
export async function openConfiguredStore(config: Config): Promise<Store> {
  switch (config.store) {
    case 'sqlite':
      return openSqliteStore(config.dbPath);
    case 'neo4j': {
      const { uri, user, password, database } = config.neo4j;
      return openNeo4jStore({ uri: uri!, user, password, database });
    }
    default:
      throw new UnreachableCaseError(config.store, 'store');
  }
}
