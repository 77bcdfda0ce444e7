import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Csr } from './csr';
import {
  addInto,
  baselineBrandesSync,
  emptyTotals,
  finishFoldedMetrics,
  finishPathMetrics,
  foldedGraphOf,
  foldedMetricsSync,
  kernelGraph,
  sourceBlocks,
  type KernelTotals,
  type PathMetrics,
} from './path-metrics';
import { foldTrees } from './tree-folding';
import { PATH_METRICS_WORKER_SOURCE, type WorkerReply } from './worker-source';

/**
 * Betweenness and closeness (see ./path-metrics.ts) computed by a pool of worker threads.
 * Each graph's sources are cut into the fixed blocks of `sourceBlocks`; the blocks of all
 * pending graphs form one FIFO queue that idle workers take from, so one big graph uses
 * every thread and a series of graphs submitted together keeps them all busy. Results
 * are bit-for-bit those of `brandesSync` (or, with `{ kernel: 'baseline' }`, of
 * `baselineBrandesSync`, for the benchmark), whatever the thread count.
 *
 * Workers start on first use and do not keep the process alive while idle; `close()`
 * ends them. Graphs too small to be worth a message are computed in the calling thread.
 */
export class PathMetricsPool {
  readonly threads: number;
  private readonly idle: PoolWorker[] = [];
  private readonly busy = new Map<number, { worker: PoolWorker; task: BlockTask }>();
  private readonly pending: BlockTask[] = [];
  private workerCount = 0;
  private nextTaskId = 0;
  private closed = false;
  private readonly baseline: boolean;

  constructor(threads: number = availableParallelism(), options: { readonly kernel?: 'folded' | 'baseline' } = {}) {
    if (!Number.isInteger(threads) || threads < 1)
      throw new RangeError(`PathMetricsPool: threads must be a positive integer, got ${threads}`);
    this.threads = threads;
    this.baseline = options.kernel === 'baseline';
  }

  compute(csr: Csr): Promise<PathMetrics> {
    if (this.closed) return Promise.reject(new Error('PathMetricsPool is closed'));
    let work: { offsets: Int32Array; neighbors: Int32Array; weights: Float64Array | null; finish: Job['finish'] };
    // Graphs too small to be worth a message are computed here, on the same kernel graph.
    if (this.baseline) {
      if (inline(csr.ids.length, csr.neighbors.length)) return Promise.resolve(baselineBrandesSync(csr));
      const graph = kernelGraph(csr);
      work = { ...graph, weights: null, finish: (totals) => finishPathMetrics(graph, totals) };
    } else {
      const folding = foldTrees(csr);
      if (inline(folding.core.length, folding.coreNeighbors.length))
        return Promise.resolve(foldedMetricsSync(foldedGraphOf(folding, false)));
      const graph = foldedGraphOf(folding, true);
      work = { ...graph, finish: (totals) => finishFoldedMetrics(graph, totals) };
    }
    const { offsets, neighbors, weights, finish } = work;
    const n = offsets.length - 1;
    return new Promise<PathMetrics>((resolve, reject) => {
      const blocks = sourceBlocks(n);
      const job: Job = {
        finish,
        totals: emptyTotals(n),
        partials: new Array<Float64Array | undefined>(blocks.length),
        added: 0,
        failed: false,
        resolve,
        reject,
      };
      blocks.forEach(([first, last], block) => {
        this.pending.push({ id: this.nextTaskId++, job, block, message: { offsets, neighbors, weights, first, last } });
      });
      this.dispatch();
    });
  }

  /** Ends the workers; graphs still queued are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error('PathMetricsPool was closed before the computation ended');
    for (const task of this.pending.splice(0)) this.fail(task.job, error);
    for (const { task } of this.busy.values()) this.fail(task.job, error);
    const workers = [...this.idle.splice(0), ...[...this.busy.values()].map((entry) => entry.worker)];
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
  }

  private dispatch(): void {
    while (this.pending.length > 0) {
      const task = this.pending[0] as BlockTask;
      if (task.job.failed) {
        this.pending.shift();
        continue;
      }
      const worker = this.idle.pop() ?? (this.workerCount < this.threads ? this.spawn() : undefined);
      if (worker === undefined) return;
      this.pending.shift();
      this.busy.set(task.id, { worker, task });
      worker.thread.ref();
      worker.thread.postMessage({ id: task.id, ...task.message });
    }
  }

  private spawn(): PoolWorker {
    const thread = new Worker(PATH_METRICS_WORKER_SOURCE, { eval: true });
    const worker: PoolWorker = { thread };
    this.workerCount += 1;
    thread.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
    thread.on('error', (error) => this.onWorkerDeath(worker, error));
    thread.on('exit', (code) => this.onWorkerDeath(worker, new Error(`path-metrics worker exited with code ${code}`)));
    return worker;
  }

  private onReply(worker: PoolWorker, reply: WorkerReply): void {
    const entry = this.busy.get(reply.id);
    if (entry === undefined) return;
    this.busy.delete(reply.id);
    worker.thread.unref();
    this.idle.push(worker);
    const { job, block, message } = entry.task;
    if ('error' in reply) {
      this.fail(job, new Error(`path-metrics worker failed: ${reply.error}`));
    } else if (!job.failed) {
      job.partials[block] = reply.betweenness;
      job.totals.reached.set(reply.reached, message.first);
      job.totals.distances.set(reply.distances, message.first);
      // Add the blocks in order as soon as they can be, so at most a few wait in memory.
      for (let next = job.partials[job.added]; next !== undefined; next = job.partials[job.added]) {
        addInto(job.totals.betweenness, next);
        job.partials[job.added++] = undefined;
      }
      if (job.added === job.partials.length) job.resolve(job.finish(job.totals));
    }
    this.dispatch();
  }

  private onWorkerDeath(worker: PoolWorker, error: Error): void {
    if (worker.dead) return;
    worker.dead = true;
    this.workerCount -= 1;
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    for (const [id, entry] of this.busy) {
      if (entry.worker !== worker) continue;
      this.busy.delete(id);
      this.fail(entry.task.job, error);
    }
    if (!this.closed) this.dispatch();
  }

  private fail(job: Job, error: Error): void {
    if (job.failed) return;
    job.failed = true;
    job.reject(error);
  }
}

/** Below n × (n + 2m) = this (of the graph the kernel searches), a message round trip costs more than the work. */
const INLINE_WORK = 1_000_000;

function inline(n: number, twiceM: number): boolean {
  return n * (n + twiceM) <= INLINE_WORK;
}

interface PoolWorker {
  readonly thread: Worker;
  dead?: boolean;
}

interface Job {
  /** From the kernel's totals to the metrics (folded or baseline). */
  readonly finish: (totals: KernelTotals) => PathMetrics;
  readonly totals: KernelTotals;
  /** Blocks' dependencies that arrived before an earlier block; added in block order. */
  readonly partials: Array<Float64Array | undefined>;
  /** Blocks added to totals.betweenness so far (always the first ones). */
  added: number;
  failed: boolean;
  readonly resolve: (metrics: PathMetrics) => void;
  readonly reject: (error: Error) => void;
}

interface BlockTask {
  readonly id: number;
  readonly job: Job;
  readonly block: number;
  readonly message: { offsets: Int32Array; neighbors: Int32Array; weights: Float64Array | null; first: number; last: number };
}
