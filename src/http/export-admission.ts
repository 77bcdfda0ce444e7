import type { ServerResponse } from 'node:http';

/** Exports running at once, on the whole server and per caller (README: Limits). */
export interface ExportConcurrency {
  readonly global: number;
  readonly perCaller: number;
}

/** Reading an export's range and costing its windows runs on the HTTP thread: a few at a time keep it responsive. */
export const DEFAULT_EXPORT_CONCURRENCY: ExportConcurrency = Object.freeze({ global: 4, perCaller: 2 });

/** Seconds a refused export is told to wait (Retry-After). */
export const EXPORT_RETRY_AFTER_SECONDS = 5;

export type Admission = { readonly admitted: true } | { readonly admitted: false; readonly status: 429 | 503; readonly message: string };

/**
 * Counts the exports in flight, from admission until their response closes (finished, failed
 * or abandoned): a caller over its share gets 429, anyone over the server's limit 503, both
 * with Retry-After, before any of the export's work starts. Twenty parallel exports used to
 * read their ranges on the HTTP thread all at once and hold a trivial query for seconds.
 */
export class ExportAdmission {
  private running = 0;
  private readonly byCaller = new Map<string, number>();

  constructor(private readonly limits: ExportConcurrency = DEFAULT_EXPORT_CONCURRENCY) {}

  admit(caller: string, response: ServerResponse): Admission {
    const own = this.byCaller.get(caller) ?? 0;
    if (own >= this.limits.perCaller) {
      return {
        admitted: false,
        status: 429,
        message: `You have ${own} exports running, the most one caller may; try again when one is done`,
      };
    }
    if (this.running >= this.limits.global) {
      return { admitted: false, status: 503, message: `The server is building ${this.running} exports, its limit; try again shortly` };
    }
    this.running += 1;
    this.byCaller.set(caller, own + 1);
    response.once('close', () => {
      this.running -= 1;
      const left = (this.byCaller.get(caller) ?? 1) - 1;
      if (left === 0) this.byCaller.delete(caller);
      else this.byCaller.set(caller, left);
    });
    return { admitted: true };
  }
}
