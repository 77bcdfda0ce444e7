/**
 * Benchmarks record in a child process of their own, so the parent's memory figures are
 * copnet's alone. The parent names the Neo4j to write into in the child's environment
 * (NEO4J_BENCH_URI, NEO4J_PASSWORD); without it the child writes a SQLite file.
 */
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

/** The child's environment: this process's, plus the Neo4j to write into (null: SQLite). */
export function childStoreEnv(neo4j: { readonly uri: string; readonly password: string } | null): NodeJS.ProcessEnv {
  return neo4j ? { ...process.env, NEO4J_BENCH_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password } : process.env;
}

/** In the child: the Neo4j its parent named, else a SQLite store at `sqlitePath`. */
export async function openChildStore(sqlitePath: string): Promise<{ store: Store; kind: 'sqlite' | 'neo4j' }> {
  const neo4jUri = process.env.NEO4J_BENCH_URI;
  return neo4jUri
    ? {
        store: await openNeo4jStore({ uri: neo4jUri, user: 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: 'neo4j' }),
        kind: 'neo4j',
      }
    : { store: openSqliteStore(sqlitePath), kind: 'sqlite' };
}
