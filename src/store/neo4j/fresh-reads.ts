/**
 * Shares reads among concurrent callers without ever answering one of them from a read that was
 * sent before it called: a caller arriving while a read of its key is in flight waits for the
 * next read of that key, which starts when the current one settles and answers every caller that
 * queued meanwhile. So each answer is at least as fresh as a read of its own (a write, a
 * revocation committed by any process before the call is seen), while at most two reads per key
 * are outstanding however many requests ask at once (the token and the revision, read by every
 * request).
 */
export class FreshReads<K, T> {
  private readonly pending = new Map<K, { running: Promise<T>; next: Promise<T> | null }>();

  constructor(private readonly read: (key: K) => Promise<T>) {}

  get(key: K): Promise<T> {
    const state = this.pending.get(key);
    if (!state) return this.start(key);
    state.next ??= state.running.then(
      () => this.startNext(key),
      () => this.startNext(key),
    );
    return state.next;
  }

  /** The queued read, started once the one before it settled: it is the running one from now on. */
  private startNext(key: K): Promise<T> {
    this.pending.delete(key);
    return this.start(key);
  }

  private start(key: K): Promise<T> {
    const running = this.read(key);
    const state = { running, next: null };
    this.pending.set(key, state);
    const settle = () => {
      if (this.pending.get(key) === state && state.next === null) this.pending.delete(key);
    };
    running.then(settle, settle);
    return running;
  }
}
