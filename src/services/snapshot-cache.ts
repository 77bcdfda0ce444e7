import { snapshotActorRows, type NetworkSnapshot } from '../metrics/snapshot';

/**
 * Default budget: about 1,000,000 actor rows (~80 MB of typed-array columns), e.g. 200
 * windows of 5,000 actors. A snapshot also keeps its ties (8 bytes a tie, for tie changes
 * and introductions: about 37 MB more for 200 windows of 23,000 ties), not counted here.
 */
export const DEFAULT_SNAPSHOT_CACHE_BUDGET = 1_000_000;

interface Entry {
  readonly snapshot: Promise<NetworkSnapshot>;
  /** 1 while computing, then 1 + the snapshot's actor count. */
  weight: number;
}

/**
 * The MetricsService's cache of computed snapshots: least recently used first out, bounded
 * by a budget of actor rows (a snapshot weighs 1 + its number of actors, since that is
 * what takes the memory). Entries hold promises, so concurrent requests for the same
 * window share one computation; a failed computation is dropped.
 *
 * Writes invalidate: every lookup names the store revision it read, and a revision other
 * than the cache's own empties the cache (a snapshot of an older revision can never be
 * asked for again).
 */
export class SnapshotCache {
  /** Lookups answered from the cache, and not (for /metrics). */
  readonly lookups = { hits: 0, misses: 0 };
  private readonly entries = new Map<string, Entry>();
  private revision: number | null = null;
  private total = 0;

  constructor(private readonly budget = DEFAULT_SNAPSHOT_CACHE_BUDGET) {}

  /** The cached snapshot for key at this revision, marking it recently used. */
  get(revision: number, key: string): Promise<NetworkSnapshot> | undefined {
    this.adopt(revision);
    const entry = this.entries.get(key);
    if (!entry) {
      this.lookups.misses += 1;
      return undefined;
    }
    this.lookups.hits += 1;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.snapshot;
  }

  /** Caches a snapshot being computed for key at this revision; returns it unchanged. */
  set(revision: number, key: string, snapshot: Promise<NetworkSnapshot>): Promise<NetworkSnapshot> {
    this.adopt(revision);
    this.remove(key);
    const entry: Entry = { snapshot, weight: 1 };
    this.entries.set(key, entry);
    this.total += 1;
    snapshot.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        const rows = snapshotActorRows(value);
        this.total += rows;
        entry.weight += rows;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.remove(key);
      },
    );
    this.evict();
    return snapshot;
  }

  /** Number of cached snapshots (settled or not). */
  get size(): number {
    return this.entries.size;
  }

  /** Current weight in actor rows. */
  get weight(): number {
    return this.total;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private adopt(revision: number): void {
    if (revision === this.revision) return;
    this.clear();
    this.revision = revision;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  /** Drops least recently used entries while over budget, always keeping the newest one. */
  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.total <= this.budget || this.entries.size <= 1) return;
      this.remove(key);
    }
  }
}
