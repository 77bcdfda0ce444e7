import { TokenService } from '../auth/token-service';
import type { Store, StoreKind } from '../store/store';
import { ActorService } from './actor-service';
import { AuditService } from './audit-service';
import { ExportService } from './export-service';
import { HealthService } from './health-service';
import { InteractionService } from './interaction-service';
import { MetricsService } from './metrics-service';
import { ReportService } from './report-service';
import { SurveyService } from './survey-service';
import { WorkPool } from './work/work-pool';

export interface ServicesOptions {
  /** Most interactions one series or export measures, summed over its windows (COPNET_MAX_WINDOW_INTERACTIONS). */
  readonly maxWindowInteractions?: number;
  /** Where respondent links point (COPNET_PUBLIC_URL); null: the request's origin. */
  readonly publicUrl?: string | null;
}

/** The use cases the GraphQL and HTTP layers call: built once at start-up. */
export interface Services {
  /** Which store answers (reported by /health). */
  readonly storeKind: StoreKind;
  readonly actors: ActorService;
  readonly interactions: InteractionService;
  readonly metrics: MetricsService;
  readonly exports: ExportService;
  readonly reports: ReportService;
  readonly tokens: TokenService;
  readonly audit: AuditService;
  /** Relationship surveys (issue 23). */
  readonly surveys: SurveyService;
  /** The store's data revision: every write bumps it, whichever process makes it (read from the store each time). */
  revision(): Promise<number>;
  readonly health: HealthService;
  /** The worker threads' queue and load, for /metrics. */
  readonly work: WorkPool;
}

export interface RunningServices extends Services {
  /** Stops the worker threads; the store is closed by whoever opened it. */
  close(): Promise<void>;
}

/** Wires the use cases over one store; every metrics window and export is computed on a pool of worker threads (one per core but one). */
export function createServices(store: Store, options: ServicesOptions = {}): RunningServices {
  const pool = new WorkPool();
  const metrics = new MetricsService(store, { work: pool, maxWindowInteractions: options.maxWindowInteractions });
  const tokens = new TokenService(store);
  const surveys = new SurveyService(store, metrics, tokens, options.publicUrl ?? null);
  return {
    storeKind: store.kind,
    actors: new ActorService(store),
    interactions: new InteractionService(store),
    metrics,
    exports: new ExportService(metrics, pool),
    reports: new ReportService(store, metrics, surveys),
    tokens,
    audit: new AuditService(store),
    surveys,
    revision: () => store.revision(),
    health: new HealthService(store),
    work: pool,
    close: () => pool.close(),
  };
}
