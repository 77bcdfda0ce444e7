import { TokenService } from '../auth/token-service';
import type { Services } from '../graphql/context';
import { PathMetricsPool } from '../metrics/kernel';
import { poolPathCentralityEngine } from '../metrics/path-centralities';
import type { Store } from '../store/store';
import { ActorService } from './actor-service';
import { AuditService } from './audit-service';
import { ExportService } from './export-service';
import { InteractionService } from './interaction-service';
import { MetricsService } from './metrics-service';

export interface RunningServices extends Services {
  /** Stops the worker threads; the store is closed by whoever opened it. */
  close(): Promise<void>;
}

/** Wires the use cases over one store; betweenness and closeness run on a pool of worker threads (one per core). */
export function createServices(store: Store): RunningServices {
  const pool = new PathMetricsPool();
  const metrics = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool) });
  return {
    store,
    actors: new ActorService(store),
    interactions: new InteractionService(store),
    metrics,
    exports: new ExportService(metrics),
    tokens: new TokenService(store),
    audit: new AuditService(store),
    close: () => pool.close(),
  };
}
