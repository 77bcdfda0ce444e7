import { compareIds } from '../projection/compare-ids';
import { actorMetricsAt, type ActorMetricValues, type NetworkSnapshot } from './snapshot';

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
  'constraint',
  'effectiveSize',
  'coreNumber',
] as const;
export type ActorMetric = (typeof ACTOR_METRICS)[number];

/** One actor's metrics in a snapshot (binary search over the id-sorted list); null when it has no tie in the window. */
export function findActorMetrics(snapshot: Pick<NetworkSnapshot, 'actors' | 'actorColumns'>, actorId: string): ActorMetricValues | null {
  const columns = snapshot.actorColumns;
  if (columns) {
    const i = positionOfId(columns.ids, actorId);
    return i < 0 ? null : actorMetricsAt(columns, i);
  }
  const actors = snapshot.actors;
  const found = actors[lowerBound(actors, actorId, (actor) => actor.actorId)];
  return found && found.actorId === actorId ? found : null;
}

/** The first `first` actors by a metric, highest first, equal values in id order. */
export function topActors(
  snapshot: Pick<NetworkSnapshot, 'actors' | 'actorColumns'>,
  metric: ActorMetric,
  first: number,
): ActorMetricValues[] {
  const columns = snapshot.actorColumns;
  if (columns) {
    const values = columns[metric];
    const order = Array.from(columns.ids, (_id, i) => i);
    // ids are sorted, so comparing positions is comparing ids
    order.sort((a, b) => values[b]! - values[a]! || a - b);
    return order.slice(0, Math.max(0, first)).map((i) => actorMetricsAt(columns, i));
  }
  return [...snapshot.actors].sort((a, b) => b[metric] - a[metric] || compareIds(a.actorId, b.actorId)).slice(0, Math.max(0, first));
}

/** Position of an id in an id-sorted list (a snapshot's actorColumns.ids), or −1. */
export function positionOfId(ids: readonly string[], id: string): number {
  const i = lowerBound(ids, id, (x) => x);
  return ids[i] === id ? i : -1;
}

/** First position of an id-sorted list whose id is at or after `id`. */
function lowerBound<T>(list: readonly T[], id: string, idOf: (item: T) => string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(idOf(list[mid]!), id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
