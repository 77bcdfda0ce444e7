/**
 * The Neo4j a benchmark writes into with `--store neo4j`: the one at NEO4J_URI when set (it must
 * be empty: benchmarks do not wipe databases), else a fresh Neo4j test server
 * (scripts/neo4j-test-server/run.sh, JDK 17 + Maven) on a free port with a temporary data
 * directory, stopped by `stop()` or when this process exits.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import type { Neo4jStoreOptions } from '../src/store/neo4j/neo4j-store';

export interface BenchNeo4j {
  readonly options: Neo4jStoreOptions;
  readonly where: string;
  /** Deletes what an earlier import of this run wrote (the database was empty at the start). */
  empty(): Promise<void>;
  stop(): Promise<void>;
}

async function emptyDatabase(options: Neo4jStoreOptions): Promise<void> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
  const session = driver.session({ database: options.database });
  try {
    // In batches (an auto-commit transaction per 10,000 nodes), so the server's heap holds one batch.
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

const RUN_SH = join(__dirname, '..', '..', 'scripts', 'neo4j-test-server', 'run.sh');

export async function benchNeo4j(): Promise<BenchNeo4j> {
  const { neo4j: settings } = loadConfig();
  if (settings.uri !== null) {
    const options = { uri: settings.uri, user: settings.user, password: settings.password, database: settings.database };
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
    try {
      const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS count', {}, { database: options.database });
      if (Number(records[0]?.get('count')) > 0)
        throw new Error(
          'The database at NEO4J_URI is not empty; a benchmark needs an empty one (or unset NEO4J_URI to start a test server)',
        );
    } finally {
      await driver.close();
    }
    return { options, where: 'the Neo4j at NEO4J_URI', empty: () => emptyDatabase(options), stop: async () => undefined };
  }
  const password = settings.password;
  const child = spawn('bash', [RUN_SH, '--port', '0', '--exit-with-stdin'], {
    env: { ...process.env, NEO4J_PASSWORD: password },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const uri = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the Neo4j test server exited with ${code} before starting`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (/^bolt:\/\/\S+$/.test(line.trim())) resolve(line.trim());
    });
  });
  const options = { uri, user: 'neo4j', password, database: 'neo4j' };
  return {
    options,
    empty: () => emptyDatabase(options),
    where: `the Neo4j 5 test server at ${uri} (scripts/neo4j-test-server)`,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
