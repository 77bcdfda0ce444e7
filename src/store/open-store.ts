import type { Config } from '../config';
import type { Neo4jStoreOptions } from './neo4j/neo4j-store';
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
      return openNeo4jStoreLazily({ uri: uri!, user, password, database });
    }
    default:
      throw new UnreachableCaseError(config.store, 'store');
  }
}

/**
 * The Neo4j adapter, loaded on first use: a server or command on the embedded store never
 * loads neo4j-driver. A require, not import(): Jest's CommonJS runtime refuses import().
 */
export function openNeo4jStoreLazily(options: Neo4jStoreOptions): Promise<Store> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const adapter = require('./neo4j/neo4j-store') as typeof import('./neo4j/neo4j-store');
  return adapter.openNeo4jStore(options);
}
