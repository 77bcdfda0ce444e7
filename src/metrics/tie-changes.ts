import { tieClassIndex } from '../domain/tie-class';
import { compareIds } from '../projection/compare-ids';
import { FOUNDATION_KIND } from './actor-classes';
import type { SnapshotTies } from './snapshot';

/**
 * How a window's ties differ from the previous window's. E_t and E_{t−1} are the two
 * windows' tie sets, unordered actor pairs matched by actor id:
 * - jaccard = |E_t ∩ E_{t−1}| / |E_t ∪ E_{t−1}|, 0 when both are empty (tie-set stability, as statnet/manynet report it);
 * - hamming = |E_t △ E_{t−1}| = tiesGained + tiesLost (pairs tied in one window only).
 */
export interface TieChange {
  /** Ties of this window absent from the previous one. */
  readonly tiesGained: number;
  /** Ties of the previous window absent from this one. */
  readonly tiesLost: number;
  /** Ties present in both / ties of this window; 0 without ties. */
  readonly persistentTieShare: number;
  /** Gained ties whose class in this window is CROSS_NETWORK. */
  readonly crossNetworkTiesGained: number;
  /** |E_t ∩ E_{t−1}| / |E_t ∪ E_{t−1}|; 0 when both windows have no ties. */
  readonly jaccard: number;
  /** |E_t △ E_{t−1}|: ties gained plus ties lost. */
  readonly hamming: number;
}

/** A window's ties: its actors (id-sorted) and SnapshotTies over them. */
export interface WindowTies {
  readonly ids: readonly string[];
  readonly ties: SnapshotTies;
}

/**
 * Tie changes from `previous` to `current`. Ties are unordered actor pairs, matched by
 * actor id. Both id lists are sorted, so one merge maps current positions to previous
 * ones; each current tie is then looked up in the previous (sorted) rows by binary search.
 */
export function tieChange(previous: WindowTies, current: WindowTies): TieChange {
  const map = positionsIn(current.ids, previous.ids);
  const { offsets, neighbors, kinds, networks } = current.ties;
  const before = previous.ties;
  let total = 0;
  let kept = 0;
  let crossGained = 0;
  for (let v = 0; v < current.ids.length; v++) {
    const pv = map[v]!;
    const end = offsets[v + 1]!;
    for (let e = offsets[v]!; e < end; e++) {
      const w = neighbors[e]!;
      if (w < v) continue;
      total += 1;
      const pw = map[w]!;
      if (pv >= 0 && pw >= 0 && hasNeighbor(before, pv, pw)) kept += 1;
      else if (tieClassIndex(kinds[v] === FOUNDATION_KIND, networks[v]!, kinds[w] === FOUNDATION_KIND, networks[w]!) === 2)
        crossGained += 1;
    }
  }
  const previousTotal = before.neighbors.length / 2;
  const union = total + previousTotal - kept;
  return {
    tiesGained: total - kept,
    tiesLost: previousTotal - kept,
    persistentTieShare: total === 0 ? 0 : kept / total,
    crossNetworkTiesGained: crossGained,
    jaccard: union === 0 ? 0 : kept / union,
    hamming: union - kept,
  };
}

/** For each id of `ids`, its position in `other` (both sorted), or −1. */
function positionsIn(ids: readonly string[], other: readonly string[]): Int32Array {
  const out = new Int32Array(ids.length).fill(-1);
  let j = 0;
  for (let i = 0; i < ids.length; i++) {
    while (j < other.length && compareIds(other[j]!, ids[i]!) < 0) j++;
    if (j < other.length && other[j] === ids[i]) out[i] = j;
  }
  return out;
}

function hasNeighbor(ties: SnapshotTies, v: number, w: number): boolean {
  let lo = ties.offsets[v]!;
  let hi = ties.offsets[v + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = ties.neighbors[mid]!;
    if (x === w) return true;
    if (x < w) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
