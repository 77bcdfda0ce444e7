import cluster from 'node:cluster';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config';
import { loadDemoData } from '../demo/load-demo-data';
import { InvalidInputError } from '../domain/errors';
import { createLogger } from '../logging/logger';
import { startCopnet, type StartOptions } from '../start-copnet';
import type { Store } from '../store/store';
import { startCluster, type ListeningMessage } from './serve-cluster';
import { onceOver } from './option-once';

/** Most worker processes `--processes` accepts. */
const MAX_PROCESSES = 64;

/** `copnet serve` (the default command, and `npm start`): the API on the configured store. */
export function registerServeCommand(program: Command): Command {
  return program
    .command('serve', { isDefault: true })
    .description(
      'Serve the GraphQL API (and exports) on the configured store; fills an empty store with the demo network unless COPNET_DEMO_DATA=off',
    )
    .option(
      '--processes <n>',
      `serve from N processes on one port and one store (node:cluster; 1 to ${MAX_PROCESSES})`,
      onceOver(parseProcesses),
      1,
    )
    .action(async (options: { processes: number }) => {
      const config = loadConfig();
      const logger = createLogger();
      const log = (message: string, error?: unknown) =>
        error === undefined ? logger.error(message) : logger.error({ err: error }, message);
      const start: StartOptions = { log, seedEmptyStore, requestLog: logger };
      if (cluster.isWorker) return serveWorker(config, start);
      if (options.processes === 1) {
        const copnet = await startCopnet(config, start);
        announce(config, copnet.url, copnet.firstStart?.token ?? null, 1);
        await waitForSignal();
        console.log('copnet: stopping: finishing in-flight requests, then closing the store');
        await copnet.stop();
        return;
      }
      const running = await startCluster(config, options.processes, start);
      announce(config, running.url, running.firstStartToken, options.processes);
      await waitForSignal();
      console.log('copnet: stopping: every process finishes its in-flight requests, then closes the store');
      await running.stop();
    });
}

/** One worker of `--processes N`: serves on the shared port; the primary prepared the store and prints. */
async function serveWorker(config: Config, start: StartOptions): Promise<void> {
  const copnet = await startCopnet(config, { ...start, prepareStore: false, inCluster: true });
  const message: ListeningMessage = { copnet: 'listening', url: copnet.url };
  process.send?.(message);
  await waitForSignal();
  await copnet.stop();
  await leaveCluster();
}

/** Longest a stopping worker waits for the primary's answer before it exits anyway. */
const LEAVE_CLUSTER_MS = 5_000;

/**
 * Tells the primary this worker is gone, and waits for its answer, before the process exits.
 * Closing the server only sends the primary a message: until it has read it, it still deals
 * new connections to this worker. A worker hands those back to the primary while it runs, but
 * one that exits first drops them unseen, and the primary keeps their sockets open forever
 * (it closes its copy only on the worker's reply): those clients would wait for ever. The
 * primary answers the disconnect after everything it sent before, so none is lost.
 */
function leaveCluster(): Promise<void> {
  const worker = cluster.worker;
  if (!worker?.isConnected()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LEAVE_CLUSTER_MS);
    worker.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.disconnect();
  });
}

async function seedEmptyStore(store: Store): Promise<void> {
  console.log('copnet: the store is empty; loading the demo network (COPNET_DEMO_DATA=off to skip)...');
  const result = await loadDemoData(store);
  console.log(`copnet: demo network loaded: ${result.actors} actors, ${result.interactionsCreated} interactions`);
}

function announce(config: Config, url: string, firstStartToken: string | null, processes: number): void {
  const where = config.store === 'sqlite' ? `SQLite file ${config.dbPath}` : `Neo4j ${config.neo4j.uri}`;
  const from = processes === 1 ? '' : `, from ${processes} processes`;
  console.log(`copnet is serving the dashboard at ${url}/ and the API at ${url}/graphql (store: ${where}${from})`);
  if (!config.auth.enabled) {
    console.log('copnet: COPNET_AUTH=off: every request acts as an administrator (single-user local use only)');
  }
  if (firstStartToken !== null) {
    // Shown once: only its hash is stored. Later starts print nothing secret.
    console.log(
      [
        '',
        'copnet: no API token existed, so an admin token was created. It is shown this once; keep it safe:',
        '',
        `    ${firstStartToken}`,
        '',
        'Open copnet with it (the token is in the URL fragment, which browsers do not send to servers):',
        '',
        `    ${url}/#token=${firstStartToken}`,
        '',
        'Create tokens for others with `npx copnet token create --name NAME --role reader|writer|admin`.',
        '',
      ].join('\n'),
    );
  }
}

function parseProcesses(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES) {
    throw new InvalidInputError('--processes', value, `must be a whole number from 1 to ${MAX_PROCESSES}`);
  }
  return n;
}

function waitForSignal(): Promise<void> {
  // \`on\`, not \`once\`: the listeners stay while copnet stops, so a library's exit hook (signal-exit) sees
  // that someone handles the signal and does not re-raise it, and a second signal does not cut the stop short.
  return new Promise((resolve) => {
    process.on('SIGTERM', () => resolve());
    process.on('SIGINT', () => resolve());
  });
}
