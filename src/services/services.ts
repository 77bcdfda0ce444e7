import { PathMetricsPool } from '../metrics/kernel';
import { poolPathCentralityEngine } from '../metrics/path-centralities';
import type { Store, StoreKind } from '../store/store';
import { ActorService } from './actor-service';
import { ExportService } from './export-service';
import { InteractionService } from './interaction-service';
import { MetricsService } from './metrics-service';

/** The use cases the GraphQL and HTTP layers call: built once at start-up. */
export interface Services {
  /** Which store serves, for /health. */
  readonly storeKind: StoreKind;
  readonly actors: ActorService;
  readonly interactions: InteractionService;
  readonly metrics: MetricsService;
  readonly exports: ExportService;
}

export interface RunningServices extends Services {
  /** Stops the worker threads; the store is closed by whoever opened it. */
  close(): Promise<void>;
}

/** Wires the use cases over one store; betweenness and closeness run on a pool of worker threads (one per core). */
export function createServices(store: Store): RunningServices {
  const pool = new PathMetricsPool();
  const metrics = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool) });
  return {
    storeKind: store.kind,
    actors: new ActorService(store),
    interactions: new InteractionService(store),
    metrics,
    exports: new ExportService(metrics),
    close: () => pool.close(),
  };
}
