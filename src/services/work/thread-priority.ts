import { setPriority } from 'node:os';

/**
 * The nice value copnet's worker threads run at (work pool, body checker): on a busy machine the
 * scheduler then gives the HTTP thread, which answers every request, the core first, and the
 * heavy work takes what is left. Twenty parallel exports kept a worker building 60 MB of XML on
 * one of two cores; lookups then waited for the core as well as for their turn.
 */
export const WORK_THREAD_NICE = 10;

/**
 * Lowers the calling thread's CPU priority to WORK_THREAD_NICE (Linux sets nice per thread: this
 * thread only, not the process). Where the system refuses, the thread keeps its priority.
 */
export function lowerThisThreadsPriority(): void {
  try {
    setPriority(WORK_THREAD_NICE);
  } catch {
    // not allowed here (a platform without per-thread priorities): no harm but the contention
  }
}
