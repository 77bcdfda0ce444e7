import { readFileSync, writeFileSync } from 'node:fs';

/** Peak resident memory of the whole process (every thread): VmHWM when Linux lets us reset it, and sampled. */
export class MemoryWatch {
  private sampled = 0;
  /** Largest V8 heap in use and reserved (this thread), sampled. */
  private heapUsed = 0;
  private heapTotal = 0;
  private readonly timer = setInterval(() => this.sample(), 20);
  private canReset = false;

  private sample(): void {
    const usage = process.memoryUsage();
    this.sampled = Math.max(this.sampled, usage.rss);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
    this.heapTotal = Math.max(this.heapTotal, usage.heapTotal);
  }

  heap(): { used: number; total: number } {
    return { used: this.heapUsed, total: this.heapTotal };
  }

  reset(): void {
    this.sampled = process.memoryUsage.rss();
    this.heapUsed = 0;
    this.heapTotal = 0;
    try {
      writeFileSync('/proc/self/clear_refs', '5');
      this.canReset = true;
    } catch {
      this.canReset = false;
    }
  }

  peak(): { hwm: number | undefined; sampled: number } {
    this.sampled = Math.max(this.sampled, process.memoryUsage.rss());
    const match = this.canReset ? /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8')) : null;
    return { hwm: match ? Number(match[1]) * 1024 : undefined, sampled: this.sampled };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
