import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { isProcessMessage, type ProcessMessage } from '../cluster/process-message';

/**
 * /metrics across the processes of `copnet serve --processes N`. node:cluster deals each scrape
 * to one worker, whose own registry holds a 1/N share of the traffic; so that worker asks the
 * primary, which gathers every worker's registry (prom-client's AggregatorRegistry: counters and
 * histograms summed, the event-loop lag averaged, the start time omitted) and sends the text back.
 */

interface ScrapeRequest extends ProcessMessage<'metrics-request'> {
  readonly id: number;
}

interface ScrapeReply extends ProcessMessage<'metrics-reply'> {
  readonly id: number;
  readonly text?: string;
  readonly error?: string;
}

/** Longest a worker waits for the primary's aggregate; prom-client's own per-worker limit is 5 s. */
const SCRAPE_TIMEOUT_MS = 6_000;

/** In the primary: answers the workers' scrape requests with every worker's figures aggregated. */
export function aggregateWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isProcessMessage<ScrapeRequest>(message, 'metrics-request')) return;
    const reply = (answer: Omit<ScrapeReply, 'copnet' | 'id'>) => {
      if (worker.isConnected()) worker.send({ copnet: 'metrics-reply', id: message.id, ...answer } satisfies ScrapeReply);
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: (error as Error).message }),
    );
  });
}

/**
 * In a worker: offers `registry` to the primary's aggregation and returns the scrape to use for
 * /metrics, which asks the primary for the aggregate of every worker.
 */
export function clusterScrape(registry: Registry): () => Promise<string> {
  new AggregatorRegistry(); // registers this worker's answer to the primary's gathering
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        process.off('message', onMessage);
        reject(new Error(`the primary process did not answer within ${SCRAPE_TIMEOUT_MS} ms`));
      }, SCRAPE_TIMEOUT_MS);
      const onMessage = (message: unknown) => {
        if (!isProcessMessage<ScrapeReply>(message, 'metrics-reply') || message.id !== id) return;
        clearTimeout(timer);
        process.off('message', onMessage);
        if (message.text !== undefined) resolve(message.text);
        else reject(new Error(message.error ?? 'no figures'));
      };
      process.on('message', onMessage);
      process.send?.({ copnet: 'metrics-request', id } satisfies ScrapeRequest);
    });
}
