import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config';
import { isProcessMessage, type ProcessMessage } from '../cluster/process-message';
import { relayAuthFailures } from '../auth/cluster-failure-channel';
import { aggregateWorkerMetrics } from '../http/cluster-scrape';
import { openConfiguredStore } from '../store/open-store';
import { prepareStore, type StartOptions } from '../start-copnet';

/** What a worker process tells the primary once it listens. */
export interface ListeningMessage extends ProcessMessage<'listening'> {
  readonly url: string;
}

export interface ClusterStart {
  readonly url: string;
  readonly firstStartToken: string | null;
  /** SIGTERM to every worker (each finishes its in-flight requests and closes its store); resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * The primary of `copnet serve --processes N`: prepares the store once (demo data, first-start
 * token), then forks N workers that each serve the API on the shared port (node:cluster hands
 * connections round-robin). A worker that dies unexpectedly is replaced. The primary opens the
 * store only to prepare it, and answers no request.
 */
export async function startCluster(config: Config, processes: number, options: StartOptions): Promise<ClusterStart> {
  const log = options.log ?? ((message: string) => console.error(`[copnet] ${message}`));
  const store = await openConfiguredStore(config);
  let firstStartToken: string | null;
  try {
    firstStartToken = await prepareStore(config, store, options);
  } finally {
    await store.close();
  }
  aggregateWorkerMetrics();
  relayAuthFailures();
  let stopping = false;
  const fork = (): Promise<string> =>
    new Promise((resolve, reject) => {
      // Every worker listens on the configured PORT; with PORT=0 node:cluster gives them all the same free port.
      const worker = cluster.fork();
      const onExit = (code: number | null) => reject(new Error(`a copnet worker process exited during start-up (code ${code})`));
      worker.once('exit', onExit);
      worker.on('message', (message: unknown) => {
        if (!isProcessMessage<ListeningMessage>(message, 'listening')) return;
        worker.off('exit', onExit);
        worker.on('exit', (code, signal) => {
          if (stopping) return;
          log(`worker process ${worker.process.pid} exited (${signal ?? code}); starting another`);
          fork().catch((error: unknown) => log(`could not replace a worker: ${(error as Error).message}`));
        });
        resolve(message.url);
      });
    });
  const urls = await Promise.all(Array.from({ length: processes }, () => fork()));
  return {
    url: urls[0]!,
    firstStartToken,
    stop: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
