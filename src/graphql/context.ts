import DataLoader from 'dataloader';
import type { Actor } from '../domain/actor';
import type { Scope, TimeWindow } from '../domain/time-window';
import type { NetworkSnapshot } from '../metrics/snapshot';
import type { ActorService } from '../services/actor-service';
import type { ExportService } from '../services/export-service';
import type { InteractionService } from '../services/interaction-service';
import type { SeriesInput } from '../metrics/series';
import type { MetricsService, SeriesResult } from '../services/metrics-service';
import type { Store } from '../store/store';

/** The use cases the resolvers call: built once at start-up. */
export interface Services {
  readonly store: Store;
  readonly actors: ActorService;
  readonly interactions: InteractionService;
  readonly metrics: MetricsService;
  readonly exports: ExportService;
}

/** Per-request batching: one loader per request, so nothing is cached across users or writes. */
export interface Loaders {
  readonly actor: DataLoader<string, Actor | null>;
}

/** A scope as GraphQL takes it: the store scope plus how co-participation ties are drawn. */
export type ScopeArgument = (Scope & { readonly coParticipationLimit?: number | null }) | null | undefined;

export interface RequestContext {
  readonly services: Services;
  readonly loaders: Loaders;
  /** A window's snapshot, computed once per request however many fields ask for it. */
  snapshot(window: TimeWindow, scope: ScopeArgument): Promise<NetworkSnapshot>;
  /** A series, computed once per request however many fields (Actor.metricSeries) ask for it. */
  series(series: SeriesInput, scope: ScopeArgument): Promise<SeriesResult>;
}

export function createRequestContext(services: Services): RequestContext {
  const snapshots = new Map<string, Promise<NetworkSnapshot>>();
  const seriesResults = new Map<string, Promise<SeriesResult>>();
  return {
    services,
    loaders: {
      actor: new DataLoader((ids: readonly string[]) => services.store.getActorsByIds(ids), { maxBatchSize: 1000 }),
    },
    snapshot(window, scope) {
      const { coParticipationLimit = null, ...kinds } = scope ?? {};
      const key = JSON.stringify([window.from, window.to, kinds.actorKinds ?? null, kinds.interactionKinds ?? null, coParticipationLimit]);
      let snapshot = snapshots.get(key);
      if (!snapshot) {
        snapshot = services.metrics.snapshot(window, kinds, { coParticipationLimit });
        snapshots.set(key, snapshot);
      }
      return snapshot;
    },
    series(series, scope) {
      const { coParticipationLimit = null, ...kinds } = scope ?? {};
      const key = JSON.stringify([series, kinds.actorKinds ?? null, kinds.interactionKinds ?? null, coParticipationLimit]);
      let result = seriesResults.get(key);
      if (!result) {
        result = services.metrics.series(series, kinds, { coParticipationLimit });
        seriesResults.set(key, result);
      }
      return result;
    },
  };
}
