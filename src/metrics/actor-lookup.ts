import { compareIds } from '../projection/compare-ids';
import type { ActorMetricValues, NetworkSnapshot } from './snapshot';

/** The per-actor metrics a list can be ordered by (every numeric field of ActorMetricValues). */
export const ACTOR_METRICS = [
  'degree',
  'degreeCentrality',
  'betweenness',
  'closeness',
  'eigenvector',
  'pagerank',
  'clustering',
  'community',
] as const;
export type ActorMetric = (typeof ACTOR_METRICS)[number];

/** One actor's metrics in a snapshot (binary search over the id-sorted list); null when it has no tie in the window. */
export function findActorMetrics(snapshot: Pick<NetworkSnapshot, 'actors'>, actorId: string): ActorMetricValues | null {
  const actors = snapshot.actors;
  let lo = 0;
  let hi = actors.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(actors[mid]!.actorId, actorId) < 0) lo = mid + 1;
    else hi = mid;
  }
  const found = actors[lo];
  return found && found.actorId === actorId ? found : null;
}

/** The first `first` actors by a metric, highest first, equal values in id order. */
export function topActors(snapshot: Pick<NetworkSnapshot, 'actors'>, metric: ActorMetric, first: number): ActorMetricValues[] {
  return [...snapshot.actors]
    .sort((a, b) => b[metric] - a[metric] || compareIds(a.actorId, b.actorId))
    .slice(0, Math.max(0, first));
}
