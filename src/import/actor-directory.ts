import { chunks } from '../domain/chunks';
import type { Store } from '../store/store';
import type { MergedActors } from './interaction-row';
import { rowName, type RowLocation } from './row-location';

/** Ids asked of the store at once. */
const LOOKUP_BATCH = 1000;

/**
 * Which actor ids an import may use: those of valid rows in the actors file, and those
 * already in the store; and which of them are aliases of merged actors (mergeActors), with
 * the actor each names now, as the store resolves them when it records. Store answers are
 * cached, so the store is asked about each id at most once per import (memory grows with
 * the number of distinct actors, not rows).
 */
export class ActorDirectory {
  /** Resolved ids → usable or not: the actors file's valid ids, then the store's answers. */
  private readonly usable = new Map<string, boolean>();
  /** Aliases of merged actors found so far → the actor each names now. */
  private readonly merged = new Map<string, string>();

  constructor(
    private readonly store: Store,
    /** Ids of the valid rows of the actors file. */
    private readonly fromFile: ReadonlySet<string>,
    /** Ids of invalid rows of the actors file → where the first such row is. */
    private readonly invalidInFile: ReadonlyMap<string, RowLocation>,
    private readonly actorsFile: string | null,
  ) {
    for (const id of fromFile) this.usable.set(id, true);
  }

  /**
   * An id of the actors file whose row turned out invalid (its affiliation is unknown): no
   * longer usable unless the store has it. Its row must be in `invalidInFile` too.
   */
  withdraw(id: string): void {
    this.usable.delete(id);
  }

  /** Whether `whyUnknown` can answer for this id without asking the store first (`resolve`). */
  isResolved(id: string): boolean {
    return this.usable.has(id);
  }

  /**
   * Asks the store about any of these ids not known yet. Returns null when nothing needed
   * asking, so a caller on a hot path awaits only when there is something to wait for.
   */
  resolve(ids: readonly string[]): Promise<void> | null {
    let missing: string[] | null = null;
    for (const id of ids) {
      if (this.usable.has(id)) continue;
      (missing ??= []).push(id);
    }
    return missing === null ? null : this.lookUp([...new Set(missing)]);
  }

  /**
   * Asks the store which ids of the actors file are aliases of merged actors (a duplicate's
   * row, re-imported: not written, and interactions naming it land on the actor it was merged
   * into). The other ids the directory learns from the store as `resolve` asks about them.
   */
  async resolveFileAliases(): Promise<void> {
    for (const chunk of chunks([...this.fromFile], LOOKUP_BATCH)) {
      const resolved = await this.store.resolveActorIds(chunk);
      chunk.forEach((id, i) => {
        if (resolved[i] !== id) this.merged.set(id, resolved[i]!);
      });
    }
  }

  /**
   * `mergedInto` once any id asked about so far is the alias of a merged actor, else null: until
   * the store names one, no row pays for following aliases.
   */
  get aliases(): MergedActors | null {
    return this.merged.size > 0 ? this.mergedInto : null;
  }

  /**
   * The actor an id names now if it is the alias of a merged actor, else null (also for an id
   * not resolved yet). Call `resolve` (and `resolveFileAliases`) first.
   */
  readonly mergedInto = (id: string): string | null => this.merged.get(id) ?? null;

  /** Why an id cannot be used, worded to follow it; null when it can. Call `resolve` first. */
  readonly whyUnknown = (id: string): string | null => {
    if (this.usable.get(id) === true) return null;
    const invalidRow = this.invalidInFile.get(id);
    if (invalidRow !== undefined) return `is not a known actor: its row in ${this.actorsFile} (${rowName(invalidRow)}) is invalid`;
    return `is not a known actor (not in the store${this.actorsFile !== null ? ` or in ${this.actorsFile}` : ''})`;
  };

  private async lookUp(ids: string[]): Promise<void> {
    for (const chunk of chunks(ids, LOOKUP_BATCH)) {
      const found = await this.store.getActorsByIds(chunk);
      chunk.forEach((id, i) => {
        const actor = found[i] ?? null;
        this.usable.set(id, actor !== null);
        // The store answers an alias with the actor it was merged into.
        if (actor !== null && actor.id !== id) this.merged.set(id, actor.id);
      });
    }
  }
}
