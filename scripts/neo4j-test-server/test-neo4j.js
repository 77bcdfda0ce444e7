#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:neo4j [-- jest args]`: the Neo4j run of the test suite.
 *
 * Unless NEO4J_URI already points at a Neo4j (THE DATABASE THERE IS WIPED), builds and starts the
 * test server (run.sh) on a free port with a fresh temporary data directory, then runs Jest
 * serially (every suite shares the one database) with COPNET_TEST_STORE=neo4j, which makes the
 * store contract suite, the GraphQL API harness and the store-backed import/export tests use
 * Neo4j. The server is stopped when Jest ends, fails, or the run is interrupted: it also exits
 * by itself when this process dies, since it watches its standard input (--exit-with-stdin).
 *
 * Plain JavaScript so it runs without a build.
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const readline = require('node:readline');

/** What runs on Neo4j: every suite that opens a store through the test helpers, and the Neo4j-only ones. */
const SUITES = [
  'test/store/neo4j-store.test.ts',
  'test/store/neo4j/',
  'test/neo4j/',
  'test/api/',
  'test/import/',
  'test/export/export-command.test.ts',
  // Two copnet processes on the one database (writes seen, revocations refused, one record per externalId).
  'test/cli/serve-processes.test.ts',
];

const root = join(__dirname, '..', '..');
/** The first build downloads Neo4j; a loaded machine starts a JVM slowly. */
const START_TIMEOUT_MS = 15 * 60 * 1000;

async function main() {
  const env = { ...process.env, COPNET_TEST_STORE: 'neo4j' };
  /** @type {import('node:child_process').ChildProcess | null} */
  let server = null;
  if (!process.env.NEO4J_URI) {
    env.NEO4J_PASSWORD = process.env.NEO4J_PASSWORD || 'copnet-local-password';
    env.NEO4J_USER = 'neo4j';
    env.NEO4J_DATABASE = 'neo4j';
    const started = await startServer(env);
    server = started.process;
    env.NEO4J_URI = started.uri;
    process.stderr.write(`test:neo4j: Neo4j test server at ${started.uri}\n`);
  }

  const jestArgs = process.argv.slice(2);
  // Serial: every suite shares the one database. A per-test limit of 10 minutes, a watchdog
  // rather than a speed check: on a loaded shared 2-core machine a real database takes minutes
  // over the 49,205-interaction demo import that SQLite does in seconds.
  const jest = spawn(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--runInBand', '--testTimeout=600000', ...(jestArgs.length > 0 ? jestArgs : SUITES)],
    {
      cwd: root,
      env,
      stdio: 'inherit',
    },
  );
  let interrupted = false;
  const interrupt = (/** @type {NodeJS.Signals} */ signal) => {
    interrupted = true;
    jest.kill(signal);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const code = await new Promise((resolve) => jest.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
  if (server) await stopServer(server);
  process.exit(interrupted ? 130 : code);
}

/**
 * Starts run.sh with --port 0 --exit-with-stdin and resolves with its bolt:// URI, read from the
 * first stdout line that carries one.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ process: import('node:child_process').ChildProcess, uri: string }>}
 */
function startServer(env) {
  const child = spawn('bash', [join(__dirname, 'run.sh'), '--port', '0', '--exit-with-stdin'], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`test:neo4j: the Neo4j test server printed no bolt:// URI within ${START_TIMEOUT_MS / 60000} minutes`));
    }, START_TIMEOUT_MS);
    const stop = () => {
      child.kill('SIGTERM');
      process.exit(130);
    };
    process.once('SIGINT', stop);
    const lines = readline.createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
    lines.on('line', (line) => {
      const match = /^bolt:\/\/\S+$/.exec(line.trim());
      if (!match) {
        process.stderr.write(`neo4j-test-server: ${line}\n`);
        return;
      }
      clearTimeout(timer);
      process.removeListener('SIGINT', stop);
      resolve({ process: child, uri: match[0] });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`test:neo4j: the Neo4j test server exited (${signal ?? code}) before accepting connections; see the lines above`));
    });
  });
}

/**
 * Closes the server's stdin (it shuts down cleanly), then SIGTERM, then SIGKILL if it lingers.
 * @param {import('node:child_process').ChildProcess} child
 */
async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const within = (/** @type {number} */ ms) =>
    Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);
  child.stdin?.end();
  if (await within(60_000)) return;
  child.kill('SIGTERM');
  if (await within(30_000)) return;
  child.kill('SIGKILL');
  await exited;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
