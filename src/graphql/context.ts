import DataLoader from 'dataloader';
import { authorOf, type Principal } from '../auth/principal';
import type { Author } from '../domain/access';
import type { Actor } from '../domain/actor';
import type { RecordStamp } from '../domain/audit';
import type { Scope } from '../domain/scope';
import type { TimeWindow } from '../domain/time-window';
import type { NetworkSnapshot } from '../metrics/snapshot';
import type { SeriesInput } from '../metrics/series';
import type { SeriesResult } from '../services/metrics-service';
import type { Services } from '../services/services';

/** Per-request batching: one loader per request, so nothing is cached across users or writes. */
export interface Loaders {
  readonly actor: DataLoader<string, Actor | null>;
  readonly actorStamp: DataLoader<string, RecordStamp | null>;
  readonly interactionStamp: DataLoader<string, RecordStamp | null>;
}

/** A warning sent in the response's `extensions.warnings` (the request itself succeeded). */
export interface ResponseWarning {
  readonly code: string;
  readonly message: string;
  readonly [key: string]: unknown;
}

/** Who is calling, as the HTTP layer found out: a promise, so a store outage surfaces in the field that needs it. */
export interface RequestAccess {
  readonly principal: Promise<Principal | null>;
  /** The request's origin (`http://host:port`), for absolute links such as respondent links. */
  readonly origin?: string;
}

/** A scope as GraphQL takes it: the store scope plus how co-participation ties are drawn. */
export type ScopeArgument = (Scope & { readonly coParticipationLimit?: number | null }) | null | undefined;

export interface RequestContext {
  readonly services: Services;
  readonly loaders: Loaders;
  /** Fires when the client goes away or the request's time runs out: pass it to heavy work. */
  readonly signal?: AbortSignal;
  /** A window's snapshot, computed once per request however many fields ask for it. */
  snapshot(window: TimeWindow, scope: ScopeArgument): Promise<NetworkSnapshot>;
  /** A series, computed once per request however many fields (Actor.metricSeries) ask for it. */
  series(series: SeriesInput, scope: ScopeArgument): Promise<SeriesResult>;
  /** The caller; null when anonymous (the auth middleware has refused those wherever a role is needed). */
  principal(): Promise<Principal | null>;
  /** Who a write is recorded as, and when. */
  author(): Promise<Author>;
  /** The request's origin (`http://host:port`); absent outside an HTTP request. */
  readonly origin?: string;
  readonly warnings: ResponseWarning[];
}

export function createRequestContext(
  services: Services,
  signal?: AbortSignal,
  access: RequestAccess = { principal: Promise.resolve(null) },
): RequestContext {
  const snapshots = new Map<string, Promise<NetworkSnapshot>>();
  const seriesResults = new Map<string, Promise<SeriesResult>>();
  return {
    services,
    signal,
    loaders: {
      actor: new DataLoader((ids: readonly string[]) => services.actors.getActorsByIds(ids), { maxBatchSize: 1000 }),
      actorStamp: new DataLoader((ids: readonly string[]) => services.audit.actorStamps(ids), { maxBatchSize: 1000 }),
      interactionStamp: new DataLoader((ids: readonly string[]) => services.audit.interactionStamps(ids), { maxBatchSize: 1000 }),
    },
    warnings: [],
    origin: access.origin,
    principal: () => access.principal,
    async author() {
      const principal = await access.principal;
      if (principal === null) throw new Error('A write reached a resolver without a principal: the auth middleware must run first');
      return authorOf(principal);
    },
    snapshot(window, scope) {
      const { coParticipationLimit = null, ...kinds } = scope ?? {};
      const key = JSON.stringify([window.from, window.to, kinds.actorKinds ?? null, kinds.interactionKinds ?? null, coParticipationLimit]);
      let snapshot = snapshots.get(key);
      if (!snapshot) {
        snapshot = services.metrics.snapshot(window, kinds, { coParticipationLimit }, signal);
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
