import { accumulateBrandes, createBrandesScratch } from './brandes-kernel';

/**
 * The source text of a path-metrics worker, run with `new Worker(source, { eval: true })`.
 * Built from the kernel's own functions (Function#toString), so the very same code runs
 * in workers and in the calling thread, whether it was compiled by tsc (dist/) or
 * transformed on the fly (Jest with @swc/jest): no separate worker file to locate.
 *
 * Protocol: the worker receives `{ id, offsets, neighbors, first, last }` (the typed
 * arrays on SharedArrayBuffers, so nothing is copied), runs the sources [first, last)
 * and answers `{ id, betweenness, closeness }` (raw dependencies of that block for every
 * node, closeness of the block's sources), transferring both buffers; or `{ id, error }`.
 */
export const PATH_METRICS_WORKER_SOURCE = `'use strict';
const { parentPort } = require('node:worker_threads');
const accumulateBrandes = ${accumulateBrandes.toString()};
const createBrandesScratch = ${createBrandesScratch.toString()};
let scratch = createBrandesScratch(0, 0);
parentPort.on('message', (task) => {
  try {
    const n = task.offsets.length - 1;
    const m = task.neighbors.length / 2;
    if (scratch.dist.length < n || scratch.dag.length < m) {
      scratch = createBrandesScratch(Math.max(n, scratch.dist.length), Math.max(m, scratch.dag.length));
    }
    const betweenness = new Float64Array(n);
    const closeness = new Float64Array(task.last - task.first);
    accumulateBrandes(task.offsets, task.neighbors, task.first, task.last, betweenness, closeness, scratch);
    parentPort.postMessage({ id: task.id, betweenness, closeness }, [betweenness.buffer, closeness.buffer]);
  } catch (error) {
    scratch = createBrandesScratch(0, 0);
    parentPort.postMessage({ id: task.id, error: error instanceof Error ? error.stack || error.message : String(error) });
  }
});
`;

/** A block's answer from a worker. */
export type WorkerReply =
  | { readonly id: number; readonly betweenness: Float64Array; readonly closeness: Float64Array }
  | { readonly id: number; readonly error: string };
