import type { InteractionKind } from '../domain/interaction';
import { InteractionColumns } from '../projection/interaction-columns';
import type { InteractionSink } from '../store/store';

interface Waiter {
  readonly to: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * A range being read in time order into InteractionColumns, which says when the read has passed
 * a time: a series on a store its worker threads cannot read themselves (Neo4j) sends each
 * group of windows to a thread as soon as the read is past the group's end, so the threads
 * measure the first windows while the store still sends the last ones.
 *
 * The store appends (it is the read's sink); `finish` or `fail` ends the read. `until(to)`
 * resolves once every interaction with occurredAt < to is in: when one at or after `to` has
 * come (the read is in occurredAt order), or the read has finished.
 */
export class StreamedRange implements InteractionSink {
  readonly columns = new InteractionColumns();
  /** Ascending by `to`, so only the first is compared on each append. */
  private waiting: Waiter[] = [];
  private ended: { readonly failure: Error | undefined } | null = null;
  private stopped: Error | null = null;

  append(at: number, kind: InteractionKind, weight: number, initiatorId: string, participantIds: readonly string[], id: string): void {
    // a store stops reading at its sink's error
    if (this.stopped) throw this.stopped;
    this.columns.append(at, kind, weight, initiatorId, participantIds, id);
    if (this.waiting.length > 0 && at >= this.waiting[0]!.to) this.release(at);
  }

  until(to: number): Promise<void> {
    if (this.ended) return this.ended.failure === undefined ? Promise.resolve() : Promise.reject(this.ended.failure);
    if (this.columns.lastOccurredAt >= to) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const at = this.waiting.findIndex((waiter) => waiter.to > to);
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { to, resolve, reject });
    });
  }

  /** Asks the store to stop: its next append throws `reason`. */
  stop(reason: Error): void {
    this.stopped ??= reason;
  }

  /** The read is complete: every waiter is released; the columns lose their spare room. */
  finish(): void {
    this.columns.trim();
    this.end(undefined);
  }

  /** The read failed: every waiter, now and later, gets `error`. */
  fail(error: unknown): void {
    this.end(error instanceof Error ? error : new Error(`the range read failed: ${String(error)}`));
  }

  private end(failure: Error | undefined): void {
    if (this.ended) return;
    this.ended = { failure };
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) {
      if (failure === undefined) waiter.resolve();
      else waiter.reject(failure);
    }
  }

  private release(at: number): void {
    let passed = 0;
    while (passed < this.waiting.length && this.waiting[passed]!.to <= at) passed++;
    const released = this.waiting.splice(0, passed);
    for (const waiter of released) waiter.resolve();
  }
}
