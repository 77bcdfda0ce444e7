import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { InvalidInputError, WorkLimitError } from '../../domain/errors';
import { currentCaller } from './work-caller';
import { sourceBuffers, type ExportTask, type MeasuredWindow, type SnapshotsTask } from './work-tasks';

export interface WorkPoolOptions {
  /** Worker threads; default one per core but one, which is left to the HTTP thread (at least one). */
  readonly threads?: number;
  /** Tasks that may wait for a thread; more are refused with WorkLimitError. Default 256. */
  readonly maxQueued?: number;
  /** Tasks one caller (work-caller.ts) may have waiting; more of its tasks are refused. Default half of maxQueued. */
  readonly maxQueuedPerCaller?: number;
}

/**
 * The worker threads that do copnet's heavy work (work-tasks.ts): every metrics window and
 * every export is computed here, so the HTTP thread only reads, validates and serialises.
 * Tasks wait in a queue of bounded length, in which each caller (work-caller.ts) may hold at most
 * half, and threads take the callers' tasks in turn (round robin, each caller's in order), so
 * one caller's long series cannot keep another's small one waiting or refused; an export holds its thread while it
 * streams, one chunk per read of the response (so a slow client slows its own export only).
 * A task whose AbortSignal fires (client gone, time limit) leaves the queue, or has its
 * thread terminated and replaced, and rejects with the signal's reason.
 */
export class WorkPool {
  readonly threads: number;
  /** Tasks cancelled by their signal: `queued` left the queue, `running` had their thread replaced. */
  readonly cancelled = { queued: 0, running: 0 };
  /** Told when a task leaves its thread (for /metrics): which kind, and how long it ran. */
  onTaskDone: ((kind: 'measure' | 'export', seconds: number) => void) | undefined;
  private readonly maxQueued: number;
  private readonly maxQueuedPerCaller: number;
  private readonly idle: Slot[] = [];
  /** Waiting tasks by caller; the Map's order is the turn order (a caller served goes to the back). */
  private readonly queues = new Map<string, Pending[]>();
  private queued = 0;
  private workers = 0;
  private nextId = 0;
  private closed = false;

  constructor(options: WorkPoolOptions = {}) {
    this.threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    this.maxQueued = options.maxQueued ?? 256;
    this.maxQueuedPerCaller = options.maxQueuedPerCaller ?? Math.max(1, Math.floor(this.maxQueued / 2));
  }

  /** Tasks waiting for a thread, in all. */
  get waiting(): number {
    return this.queued;
  }

  /** Measures windows on a thread. */
  measure(task: SnapshotsTask, signal?: AbortSignal): Promise<MeasuredWindow[]> {
    return new Promise((resolve, reject) => {
      this.submit({
        task,
        transfer: sourceBuffers(task),
        signal,
        caller: currentCaller(),
        start: (slot, done) => this.runOnce(slot, resolve, reject, done),
        reject,
      });
    });
  }

  /** Builds an export on a thread; resolves once the export is checked and its first chunk can be read. */
  export(task: ExportTask, signal?: AbortSignal): Promise<Readable> {
    return new Promise((resolve, reject) => {
      this.submit({
        task,
        transfer: sourceBuffers(task),
        signal,
        caller: currentCaller(),
        start: (slot, done) => this.stream(slot, resolve, reject, done),
        reject,
      });
    });
  }

  /** Tasks on a thread now. */
  get running(): number {
    return this.workers - this.idle.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    const waiting = [...this.queues.values()].flat();
    this.queues.clear();
    this.queued = 0;
    for (const pending of waiting) pending.reject(new Error('The work pool was closed'));
    const slots = this.idle.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    this.workers = 0;
  }

  private submit(pending: Pending): void {
    if (this.closed) return pending.reject(new Error('The work pool is closed'));
    if (pending.signal?.aborted) return pending.reject(abortError(pending.signal));
    if (this.queued >= this.maxQueued) {
      return pending.reject(
        new WorkLimitError(`The server has ${this.queued} metrics and export tasks waiting; try again shortly`, this.maxQueued, null),
      );
    }
    const own = this.queues.get(pending.caller) ?? [];
    if (own.length >= this.maxQueuedPerCaller) {
      return pending.reject(
        new WorkLimitError(
          `You have ${own.length} metrics and export tasks waiting, your share of the server's queue; try again when they are done`,
          this.maxQueuedPerCaller,
          null,
        ),
      );
    }
    own.push(pending);
    if (own.length === 1) this.queues.set(pending.caller, own);
    this.queued += 1;
    const signal = pending.signal;
    if (signal) {
      const onAbort = () => {
        const queue = this.queues.get(pending.caller);
        const at = queue ? queue.indexOf(pending) : -1;
        if (queue && at >= 0) {
          queue.splice(at, 1);
          if (queue.length === 0) this.queues.delete(pending.caller);
          this.queued -= 1;
          this.cancelled.queued += 1;
          pending.reject(abortError(signal));
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      // Removed when the task leaves the queue for a thread: a series' signal outlives its tasks.
      pending.leftQueue = () => signal.removeEventListener('abort', onAbort);
    }
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queued > 0 && !this.closed) {
      const slot = this.idle.pop() ?? (this.workers < this.threads ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.nextInTurn();
      const id = this.nextId++;
      slot.id = id;
      slot.signal = pending.signal;
      slot.worker.ref();
      let released = false;
      const started = performance.now();
      const done = (healthy: boolean) => {
        if (released) return;
        released = true;
        this.onTaskDone?.(pending.task.kind === 'export' ? 'export' : 'measure', (performance.now() - started) / 1000);
        slot.onExit = undefined;
        slot.signal = undefined;
        if (healthy && !this.closed) {
          slot.worker.unref();
          this.idle.push(slot);
        } else {
          this.workers -= 1;
          void slot.worker.terminate();
        }
        this.dispatch();
      };
      pending.start(slot, done);
      slot.worker.postMessage({ id, task: pending.task }, pending.transfer);
    }
  }

  /** The first task of the caller whose turn it is; that caller goes to the back of the turn order. */
  private nextInTurn(): Pending {
    const [caller, queue] = this.queues.entries().next().value as [string, Pending[]];
    const pending = queue.shift()!;
    this.queues.delete(caller);
    if (queue.length > 0) this.queues.set(caller, queue);
    this.queued -= 1;
    pending.leftQueue?.();
    return pending;
  }

  private runOnce(
    slot: Slot,
    resolve: (result: MeasuredWindow[]) => void,
    reject: (error: Error) => void,
    done: (healthy: boolean) => void,
  ): void {
    const watch = this.watch(slot, (error) => {
      done(false);
      reject(error);
    });
    slot.onMessage = (reply) => {
      watch.dispose();
      done(true);
      if ('error' in reply) reject(workerError(reply));
      else if ('result' in reply) resolve(reply.result as MeasuredWindow[]);
    };
  }

  private stream(slot: Slot, resolve: (body: Readable) => void, reject: (error: Error) => void, done: (healthy: boolean) => void): void {
    const id = slot.id;
    let readable: Readable | undefined;
    let finished = false;
    const watch = this.watch(slot, (error) => {
      if (readable) {
        readable.destroy(error);
        return;
      }
      done(false);
      reject(error);
    });
    const finish = () => {
      finished = true;
      watch.dispose();
      done(true);
    };
    slot.onMessage = (reply) => {
      if ('error' in reply) {
        finish();
        if (readable) readable.destroy(workerError(reply));
        else reject(workerError(reply));
      } else if ('ready' in reply) {
        readable = new Readable({
          read: () => slot.worker.postMessage({ id, pull: true }),
          destroy: (error, callback) => {
            // Destroyed before the end (client gone, time limit): a chunk may be under way; replace the thread.
            if (!finished) {
              watch.dispose();
              done(false);
            }
            callback(error);
          },
        });
        resolve(readable);
      } else if ('done' in reply) {
        finish();
        readable?.push(null);
      } else if ('chunk' in reply) {
        readable?.push(Buffer.from(reply.chunk.buffer, reply.chunk.byteOffset, reply.chunk.byteLength));
      }
    };
  }

  /** Calls `fail` when the task's signal fires or its thread dies while it runs. */
  private watch(slot: Slot, fail: (error: Error) => void): { dispose(): void } {
    const signal = slot.signal;
    const onAbort = () => {
      this.cancelled.running += 1;
      fail(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    slot.onExit = (code) => fail(new Error(`work thread exited with code ${code}`));
    return {
      dispose: () => {
        signal?.removeEventListener('abort', onAbort);
        slot.onExit = undefined;
      },
    };
  }

  private spawn(): Slot {
    this.workers += 1;
    const entry = join(__dirname, `work-worker${extname(__filename)}`);
    const worker = entry.endsWith('.ts') ? new Worker(TS_WORKER_BOOTSTRAP, { eval: true, workerData: { entry } }) : new Worker(entry);
    const slot: Slot = { worker, id: -1 };
    worker.on('message', (reply: Reply) => {
      if (reply.id === slot.id) slot.onMessage?.(reply);
    });
    worker.on('error', (error) => slot.onExit?.(error.message));
    worker.on('exit', (code) => slot.onExit?.(code));
    return slot;
  }
}

/**
 * When copnet runs from its TypeScript sources (Jest), the worker compiles them on load with
 * the TypeScript compiler, as ts-jest does; built copnet (dist/) loads the .js file directly.
 */
export const TS_WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const ts = require(require.resolve('typescript', { paths: [workerData.entry] }));
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true },
  });
  module._compile(outputText, filename);
};
require(workerData.entry);
`;

type Reply = { id: number } & (
  | { error: string; input?: { field: string; value: unknown; reason: string } }
  | { result: unknown }
  | { ready: true }
  | { chunk: Uint8Array }
  | { done: true }
);

interface Slot {
  readonly worker: Worker;
  id: number;
  signal?: AbortSignal;
  onMessage?: (reply: Reply) => void;
  onExit?: (code: number | string) => void;
}

interface Pending {
  readonly task: SnapshotsTask | ExportTask;
  readonly transfer: ArrayBuffer[];
  readonly signal: AbortSignal | undefined;
  /** Whose task it is (work-caller.ts): the unit of the queue's fair share. */
  readonly caller: string;
  readonly start: (slot: Slot, done: (healthy: boolean) => void) => void;
  readonly reject: (error: Error) => void;
  /** Stops watching the signal for a cancellation while queued (set by submit). */
  leftQueue?: () => void;
}

function workerError(reply: { error: string; input?: { field: string; value: unknown; reason: string } }): Error {
  if (reply.input) return new InvalidInputError(reply.input.field, reply.input.value, reply.input.reason);
  return new Error(`work thread failed: ${reply.error}`);
}

/** The reason a signal gives, as an Error (a time limit becomes WorkLimitError). */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name !== 'AbortError') return reason;
  return new Error('The request was cancelled');
}
