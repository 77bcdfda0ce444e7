import DataLoader from 'dataloader';
import type { Actor } from '../domain/actor';
import type { Scope, TimeWindow } from '../domain/time-window';
import type { NetworkSnapshot } from '../metrics/snapshot';
import type { Services } from '../services/services';

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
}

export function createRequestContext(services: Services): RequestContext {
  const snapshots = new Map<string, Promise<NetworkSnapshot>>();
  return {
    services,
    loaders: {
      actor: new DataLoader((ids: readonly string[]) => services.actors.getActorsByIds(ids), { maxBatchSize: 1000 }),
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
  };
}
