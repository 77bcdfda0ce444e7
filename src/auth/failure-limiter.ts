/**
 * Counts failed authentications per client address in a fixed window: after `limit` failures
 * within `windowMs`, the address is refused until its window ends. In memory: one server
 * process. The map is pruned as it is used, so it stays as small as the set of active offenders.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again, or 0 when it is not blocked. */
  retryAfter(address: string): number {
    const entry = this.current(address);
    if (!entry || entry.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((entry.start + this.windowMs - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const entry = this.current(address);
    if (entry) entry.failures += 1;
    else this.windows.set(address, { start: this.now(), failures: 1 });
    if (this.windows.size > 10_000) this.prune();
  }

  private current(address: string): { start: number; failures: number } | undefined {
    const entry = this.windows.get(address);
    if (entry && this.now() - entry.start >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    const now = this.now();
    for (const [address, entry] of this.windows) if (now - entry.start >= this.windowMs) this.windows.delete(address);
  }
}
