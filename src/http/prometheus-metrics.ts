import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Authenticator } from '../auth/authenticator';
import type { Services } from '../services/services';

/** Latency buckets in seconds: from a cached lookup (~1 ms) to a long export. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120];

/**
 * copnet's Prometheus metrics, one registry per server (tests run several servers in one
 * process). Counters kept elsewhere (the snapshot cache, the authenticator, the work pool)
 * are read when scraped.
 */
export class CopnetMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'copnet_http_requests_total',
    help: 'HTTP requests answered, by route, GraphQL operation name and status',
    labelNames: ['route', 'operation', 'status'] as const,
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'copnet_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer ending, by route and GraphQL operation name',
    labelNames: ['route', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly storeCallSeconds = new Histogram({
    name: 'copnet_store_call_duration_seconds',
    help: 'Time of each store call, by store method',
    labelNames: ['method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly taskSeconds = new Histogram({
    name: 'copnet_work_task_duration_seconds',
    help: 'Time a metrics or export task held a worker thread',
    labelNames: ['kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  /** What GET /metrics answers: this registry, or (`--processes N`) every process's aggregated. */
  scrape: () => Promise<string> = () => this.registry.metrics();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'copnet_' });
  }

  /** Reads the services' and the authenticator's own counters at scrape time. */
  watch(services: Services, authenticator: Authenticator): void {
    services.work.onTaskDone = (kind, seconds) => this.taskSeconds.observe({ kind }, seconds);
    new Gauge({
      name: 'copnet_work_queue_depth',
      help: 'Metrics and export tasks waiting for a worker thread',
      registers: [this.registry],
      collect() {
        this.set(services.work.waiting);
      },
    });
    new Gauge({
      name: 'copnet_work_running_tasks',
      help: 'Metrics and export tasks on a worker thread now',
      registers: [this.registry],
      collect() {
        this.set(services.work.running);
      },
    });
    counterOf(
      this.registry,
      'copnet_snapshot_cache_hits_total',
      'Snapshot lookups answered from the cache',
      () => services.metrics.cacheLookups.hits,
    );
    counterOf(
      this.registry,
      'copnet_snapshot_cache_misses_total',
      'Snapshot lookups that had to compute',
      () => services.metrics.cacheLookups.misses,
    );
    counterOf(
      this.registry,
      'copnet_auth_failures_total',
      'Credentials refused (unknown, revoked, expired or malformed)',
      () => authenticator.failures,
    );
  }

  /** Records one answered request. */
  observeRequest(route: string, operation: string, status: number, seconds: number): void {
    this.requests.inc({ route, operation, status: String(status) });
    this.requestSeconds.observe({ route, operation }, seconds);
  }
}

/** A counter whose value lives elsewhere and is read when scraped. */
function counterOf(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}
