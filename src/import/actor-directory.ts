import { chunks } from '../domain/chunks';
import type { Store } from '../store/store';
import { rowName, type RowLocation } from './row-location';

/**
 * Which actor ids an import may use: those of valid rows in the actors file, and those
 * already in the store. Store answers are cached, so the store is asked about each id at
 * most once per import (memory grows with the number of distinct actors, not rows).
 */
/** Ids asked of the store at once. */
const LOOKUP_BATCH = 1000;

export class ActorDirectory {
  /** Resolved ids → usable or not: the actors file's valid ids, then the store's answers. */
  private readonly usable = new Map<string, boolean>();

  constructor(
    private readonly store: Store,
    /** Ids of the valid rows of the actors file. */
    fromFile: ReadonlySet<string>,
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
      chunk.forEach((id, i) => this.usable.set(id, found[i] !== null));
    }
  }
}
