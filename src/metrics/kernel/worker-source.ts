import { accumulateBrandes, createBrandesScratch } from './brandes-kernel';
import { accumulateWeightedBrandes } from './weighted-brandes-kernel';

/**
 * The source text of a path-metrics worker, run with `new Worker(source, { eval: true })`.
 * Built from the kernel's own functions (Function#toString), so the very same code runs
 * in workers and in the calling thread, whether it was compiled by tsc (dist/) or
 * transformed on the fly (Jest with ts-jest): no separate worker file to locate.
 *
 * Protocol: the worker receives `{ id, offsets, neighbors, weights, first, last }` (the
 * typed arrays on SharedArrayBuffers, so nothing is copied; `weights` null for the
 * baseline kernel, else the folded core's weights), runs the sources [first, last)
 * and answers `{ id, betweenness, reached, distances }` (the block's raw dependencies for
 * every node; reached-node counts and distance sums of its sources), transferring the
 * buffers; or `{ id, error }`.
 */
export const PATH_METRICS_WORKER_SOURCE = `'use strict';
const { parentPort } = require('node:worker_threads');
const accumulateBrandes = ${accumulateBrandes.toString()};
const accumulateWeightedBrandes = ${accumulateWeightedBrandes.toString()};
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
    const reached = new Float64Array(task.last - task.first);
    const distances = new Float64Array(task.last - task.first);
    if (task.weights === null) accumulateBrandes(task.offsets, task.neighbors, task.first, task.last, betweenness, reached, distances, scratch);
    else accumulateWeightedBrandes(task.offsets, task.neighbors, task.first, task.last, task.weights, betweenness, reached, distances, scratch);
    parentPort.postMessage({ id: task.id, betweenness, reached, distances }, [betweenness.buffer, reached.buffer, distances.buffer]);
  } catch (error) {
    scratch = createBrandesScratch(0, 0);
    parentPort.postMessage({ id: task.id, error: error instanceof Error ? error.stack || error.message : String(error) });
  }
});
`;

/** A block's answer from a worker. */
export type WorkerReply =
  | { readonly id: number; readonly betweenness: Float64Array; readonly reached: Float64Array; readonly distances: Float64Array }
  | { readonly id: number; readonly error: string };
