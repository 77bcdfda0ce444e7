import { createAuthenticator, createFirstStartToken } from './auth/access-control';
import { clusterFailureChannel } from './auth/cluster-failure-channel';
import type { Config } from './config';
import { buildCopnetSchema } from './graphql/schema';
import { clusterScrape } from './http/cluster-scrape';
import { CopnetMetrics } from './http/prometheus-metrics';
import { startHttpServer } from './http/start-http-server';
import type { Logger } from './logging/logger';
import { createServices } from './services/services';
import { openConfiguredStore } from './store/open-store';
import type { Store } from './store/store';
import { timedStore } from './store/timed-store';

export interface Copnet {
  readonly url: string;
  readonly store: Store;
  /**
   * Set at first start only (auth on, no usable token): a new admin token, to show once, and
   * a URL that opens copnet with it (`<url>/#token=<token>`: a fragment never reaches a server log).
   */
  readonly firstStart: { readonly token: string; readonly url: string } | null;
  /** Stops accepting, finishes in-flight requests, closes the store. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly log?: (message: string, error?: unknown) => void;
  /** Fills an empty store at start-up (the demo network) when config.demoData is on. */
  readonly seedEmptyStore?: (store: Store) => Promise<void>;
  /**
   * false in the worker processes of `copnet serve --processes N`: the primary already seeded the
   * store and made the first-start token (see prepareStore), so N workers do not race to do it.
   */
  readonly prepareStore?: boolean;
  /** One JSON line per answered request (`copnet serve`); none when absent. */
  readonly requestLog?: Logger;
  /**
   * A worker of `--processes N`: /metrics answers every process's figures and failed
   * authentications count across every process, both through the primary.
   */
  readonly inCluster?: boolean;
}

/** Seeds an empty store (when configured) and makes the first-start token: what a start does once before serving. */
export async function prepareStore(config: Config, store: Store, options: StartOptions = {}): Promise<string | null> {
  if (config.demoData && options.seedEmptyStore && (await store.countActors({})) === 0) {
    await options.seedEmptyStore(store);
  }
  return createFirstStartToken(store, config);
}

/** Opens the configured store and serves the API: the composition used by `npm start` and the API tests. */
export async function startCopnet(config: Config, options: StartOptions = {}): Promise<Copnet> {
  const store = await openConfiguredStore(config);
  try {
    const firstToken = options.prepareStore === false ? null : await prepareStore(config, store, options);
    const metrics = new CopnetMetrics();
    if (options.inCluster) metrics.scrape = clusterScrape(metrics.registry);
    const timed = timedStore(store, (method, seconds) => metrics.storeCallSeconds.observe({ method }, seconds));
    const services = createServices(timed, { maxWindowInteractions: config.limits.maxWindowInteractions, publicUrl: config.publicUrl });
    const schema = await buildCopnetSchema();
    const { maxQueryDepth, maxQueryAliases, maxQueryCost, maxQueryTokens } = config.limits;
    const server = await startHttpServer(schema, services, {
      port: config.port,
      host: config.host,
      maxBodyBytes: config.maxBodyBytes,
      requestTimeoutMs: config.requestTimeoutMs,
      limits: { maxDepth: maxQueryDepth, maxAliases: maxQueryAliases, maxCost: maxQueryCost, maxTokens: maxQueryTokens },
      workTimeoutMs: config.limits.workTimeoutMs,
      log: options.log,
      authenticator: createAuthenticator(timed, config, options.log, options.inCluster ? clusterFailureChannel() : undefined),
      corsOrigins: config.corsOrigins,
      responseCache: config.responseCache,
      publicSchema: config.auth.publicSchema,
      trustedProxies: config.trustedProxies,
      metrics,
      requestLog: options.requestLog,
    });
    return {
      url: server.url,
      store,
      firstStart: firstToken === null ? null : { token: firstToken, url: `${server.url}/#token=${firstToken}` },
      stop: async () => {
        await server.stop();
        await services.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
