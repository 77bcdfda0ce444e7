import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A build's run-cli.js from a path to it or to its checkout (the benchmarks' `--server`). */
export function runCliOf(path: string): string {
  const full = resolve(path);
  const file = existsSync(full) && statSync(full).isDirectory() ? join(full, 'dist', 'src', 'run-cli.js') : full;
  if (!existsSync(file)) throw new Error(`--server: no ${file} (build that checkout first: npm run build)`);
  return file;
}

/** The Neo4j a benchmark's server keeps its network in (an empty database: the server loads the demo into it). */
export interface BenchServerNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/**
 * What the API benchmarks' servers run with: the demo network on a fresh SQLite file in `dir`
 * (or, given `neo4j`, in that Neo4j), access control on.
 */
export function benchServerEnv(dir: string, neo4j: BenchServerNeo4j | null = null): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    COPNET_DB_PATH: join(dir, 'copnet.db'),
    COPNET_DEMO_DATA: 'on',
    COPNET_AUTH: 'on',
    MALLOC_ARENA_MAX: '2',
    ...(neo4j === null
      ? { COPNET_STORE: 'sqlite' }
      : {
          COPNET_STORE: 'neo4j',
          NEO4J_URI: neo4j.uri,
          NEO4J_USER: neo4j.user,
          NEO4J_PASSWORD: neo4j.password,
          NEO4J_DATABASE: neo4j.database,
        }),
  };
}
