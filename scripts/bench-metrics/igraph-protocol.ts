/**
 * The exchange with scripts/bench-igraph.py, which times python-igraph on copnet's graphs:
 * the graphs go out as little-endian int32s (graph count, then per graph n, m and the m
 * edges u < v), igraph's normalized betweenness comes back as float64s (n per graph, in
 * the graph's node order) and its timings as one JSON line on stdout.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Csr } from '../../src/metrics/kernel';
import type { NetworkSnapshot } from '../../src/metrics/snapshot';

/** From dist/scripts/bench-metrics/ back to the sources' scripts/. */
const IGRAPH_SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'bench-igraph.py');
/** Debian's python3-igraph by default; COPNET_BENCH_PYTHON names another interpreter with igraph (e.g. a virtualenv's). */
const PYTHON = process.env.COPNET_BENCH_PYTHON ?? '/usr/bin/python3';

export interface IgraphTimes {
  readonly version: string;
  /** Seconds per graph: wall clock, CPU (process_time) of Graph.betweenness(), wall clock of Graph.closeness(). */
  readonly betweenness: number[];
  readonly betweennessCpu: number[];
  readonly closeness: number[];
}
export type IgraphResult = { error: string } | (IgraphTimes & { values: Float64Array[] });

/** Writes the graphs into `dir` for scripts/bench-igraph.py, runs it, reads its timings and normalized betweenness back. */
export function runIgraph(dir: string, graphs: readonly Csr[], closeness: boolean): IgraphResult {
  const ints = new Int32Array(1 + graphs.reduce((total, graph) => total + 2 + graph.neighbors.length, 0));
  let at = 0;
  ints[at++] = graphs.length;
  for (const { offsets, neighbors } of graphs) {
    const n = offsets.length - 1;
    ints[at++] = n;
    ints[at++] = neighbors.length / 2;
    for (let v = 0; v < n; v++) {
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        if (neighbors[j]! > v) {
          ints[at++] = v;
          ints[at++] = neighbors[j]!;
        }
      }
    }
  }
  const graphsPath = join(dir, 'graphs.bin');
  const valuesPath = join(dir, 'igraph-betweenness.bin');
  writeFileSync(graphsPath, ints);
  const run = spawnSync(PYTHON, [IGRAPH_SCRIPT, graphsPath, valuesPath, ...(closeness ? ['--closeness'] : [])], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.error) return { error: `${PYTHON} did not run: ${run.error.message}` };
  if (run.status !== 0) return { error: `bench-igraph.py failed: ${run.stderr.trim()}` };
  const parsed = JSON.parse(run.stdout) as { error: string } | IgraphTimes;
  if ('error' in parsed) return parsed;
  const all = new Float64Array(new Uint8Array(readFileSync(valuesPath)).buffer);
  const values: Float64Array[] = [];
  let first = 0;
  for (const graph of graphs) {
    values.push(all.subarray(first, first + graph.ids.length));
    first += graph.ids.length;
  }
  return { ...parsed, values };
}

/** Largest |copnet − igraph| normalized betweenness over every window (snapshot w is graph w) and actor. */
export function maxIgraphDifference(
  snapshots: readonly NetworkSnapshot[],
  graphs: readonly Csr[],
  igraph: readonly Float64Array[],
): number {
  let worst = 0;
  snapshots.forEach((snapshot, w) => {
    const byId = new Map(snapshot.actors.map((actor) => [actor.actorId, actor.betweenness]));
    graphs[w]!.ids.forEach((id, i) => {
      worst = Math.max(worst, Math.abs((byId.get(id) ?? Number.NaN) - igraph[w]![i]!));
    });
  });
  return worst;
}
