import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
/**
 * `npm run bench:metrics`: the speed of copnet's network metrics (issue 3, "Speed").
 *
 * Generates an interaction log (200,000 interactions among 5,000 actors over 104 weeks,
 * preferential attachment, fixed seed), records it through the SQLite store into a temp
 * file, computes the series of 104 weekly windows of 13 weeks with every metric through
 * MetricsService (per-actor betweenness and closeness on a pool of worker threads), then
 * repeats it warm (cached), and times python-igraph's Graph.betweenness() on the same
 * windows (scripts/bench-igraph.py) when /usr/bin/python3 has igraph.
 *
 * It then times the same cold series without and with the hub-and-spoke story's measures
 * (tie mix, E-I index, constraint, effective size, core number, main core, stage).
 *
 * `npm run bench:metrics -- --no-igraph` skips igraph (for quick memory and time checks);
 * `-- --quarters` computes the 8 quarters of the same log instead of the 104 rolling windows
 * (the smaller configuration, for a busy machine), and the story comparison twice.
 *
 * `npm run bench:metrics -- --store neo4j` also records the log into Neo4j (the Neo4j test
 * server, or an empty NEO4J_URI: scripts/neo4j-bench-server.ts), streams the whole
 * 200,000-interaction range back (target ≥ 100,000 interactions/s) and runs the same cold
 * series loading its windows through Neo4j, printed beside the SQLite figures.
 *
 * `npm run bench:metrics -- --kernel` instead compares the path-metrics kernel with
 * graphology-metrics and igraph on single preferential-attachment graphs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { validateActorBatch, type ActorInput, type ActorKind } from '../src/domain/actor';
import { validateInteractionInput, type InteractionInput, type InteractionKind } from '../src/domain/interaction';
import { brandesSync, PathMetricsPool, toCsr, type Csr } from '../src/metrics/kernel';
import { measureGraph } from '../src/metrics/compute-snapshot';
import { indexGraph } from '../src/metrics/graph-index';
import { poolPathCentralityEngine } from '../src/metrics/path-centralities';
import type { SeriesInput } from '../src/metrics/series';
import type { NetworkSnapshot } from '../src/metrics/snapshot';
import { MetricsService } from '../src/services/metrics-service';
import { openNeo4jStore } from '../src/store/neo4j/neo4j-store';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import type { Store } from '../src/store/store';
import { benchNeo4j } from './neo4j-bench-server';

export const LOG_SHAPE = {
  seed: 20_230_807,
  actors: 5_000,
  intermediaries: 150,
  interactions: 200_000,
  weeks: 104,
  start: new Date('2023-08-07T00:00:00Z'),
} as const;

const WEEK_MS = 7 * 86_400_000;
/** Share of interactions that repeat a recent pair. */
const REPEAT_SHARE = 0.6;

export interface InteractionLog {
  readonly actors: ActorInput[];
  readonly interactions: InteractionInput[];
}

/**
 * The benchmark's interaction log. Actor 0 is the FOUNDATION, the next 150 are
 * INTERMEDIARY, the rest SCHOOL (each affiliated to an intermediary). Each week gets its
 * share of the interactions at random times. Of the interactions:
 * - 60% repeat the initiator and first participant of one of the 20,000 previous ones
 *   (ties are renewed, so a 13-week window has about 22,000 distinct ties, not 25,000);
 * - the others draw their actors by preferential attachment: with probability 0.8 an
 *   actor of an earlier interaction (so in proportion to past activity), else any actor
 *   uniformly; 34 points are one-to-one, 5 groups of 2–3 participants, 0.6 groups of 4–8
 *   (co-participation ties) and 0.4 convenings of 12–40 (above the co-participation limit).
 * The foundation is the initiator of a new interaction with probability 5% in the first
 * week, falling linearly to 1% in the last, and is left out of the attachment pool, so
 * its share of the ties falls over time.
 */
export function generateInteractionLog(shape = LOG_SHAPE): InteractionLog {
  const rng = xoroshiro128plus(shape.seed);
  const ids = Array.from({ length: shape.actors }, (_, i) => `org-${String(i).padStart(4, '0')}`);
  const kindOf = (i: number): ActorKind => (i === 0 ? 'FOUNDATION' : i <= shape.intermediaries ? 'INTERMEDIARY' : 'SCHOOL');
  const actors: ActorInput[] = ids.map((id, i) => ({
    id,
    name: `${kindOf(i) === 'SCHOOL' ? 'School' : kindOf(i) === 'INTERMEDIARY' ? 'Intermediary' : 'Foundation'} ${i}`,
    kind: kindOf(i),
    region: null,
    tags: [],
    affiliationId: kindOf(i) === 'SCHOOL' ? ids[uniformInt(rng, 1, shape.intermediaries)]! : null,
  }));

  const endpoints = new Int32Array(shape.interactions * 8);
  let endpointCount = 0;
  const pick = (): number =>
    endpointCount === 0 || uniformFloat64(rng) < 0.2
      ? uniformInt(rng, 0, shape.actors - 1)
      : endpoints[uniformInt(rng, 0, endpointCount - 1)]!;

  const interactions: InteractionInput[] = [];
  for (let week = 0; week < shape.weeks; week++) {
    const count = Math.floor(((week + 1) * shape.interactions) / shape.weeks) - Math.floor((week * shape.interactions) / shape.weeks);
    const foundationShare = 0.05 - (0.04 * week) / (shape.weeks - 1);
    const times = Array.from(
      { length: count },
      () => shape.start.getTime() + week * WEEK_MS + Math.floor(uniformFloat64(rng) * WEEK_MS),
    ).sort((a, b) => a - b);
    for (const time of times) {
      const roll = uniformFloat64(rng);
      if (roll < REPEAT_SHARE && interactions.length > 0) {
        // a recent pair meets again
        const past = interactions[uniformInt(rng, Math.max(0, interactions.length - 20_000), interactions.length - 1)]!;
        interactions.push({
          ...past,
          externalId: `bench-${interactions.length}`,
          occurredAt: new Date(time),
          participantIds: past.participantIds.slice(0, 1),
        });
        continue;
      }
      const initiator = uniformFloat64(rng) < foundationShare ? 0 : pick();
      const [size, kind]: [number, InteractionKind] =
        roll < 0.94
          ? [1, (['PEER_EXCHANGE', 'TECHNICAL_ASSISTANCE', 'SITE_VISIT', 'GRANT'] as const)[uniformInt(rng, 0, 3)]!]
          : roll < 0.99
            ? [uniformInt(rng, 2, 3), 'VIRTUAL_SESSION']
            : roll < 0.996
              ? [uniformInt(rng, 4, 8), 'PEER_EXCHANGE']
              : [uniformInt(rng, 12, 40), 'CONVENING'];
      const participants = new Set<number>();
      while (participants.size < size) {
        const p = pick();
        if (p !== initiator) participants.add(p);
      }
      for (const actor of [initiator, ...participants]) {
        if (actor !== 0 && endpointCount < endpoints.length) endpoints[endpointCount++] = actor;
      }
      interactions.push({
        externalId: `bench-${interactions.length}`,
        kind,
        occurredAt: new Date(time),
        initiatorId: ids[initiator]!,
        participantIds: [...participants].map((p) => ids[p]!),
        weight: 1,
      });
    }
  }
  return { actors, interactions };
}

const FULL_SERIES: SeriesInput = {
  from: LOG_SHAPE.start,
  to: new Date(LOG_SHAPE.start.getTime() + LOG_SHAPE.weeks * WEEK_MS),
  step: 'WEEK',
  windowSize: 13,
};
/** `--quarters`: the smaller configuration, 8 back-to-back quarters of the same log (windows of the same size, 13× fewer). */
const QUARTERS = process.argv.includes('--quarters');
const SERIES: SeriesInput = QUARTERS ? { from: FULL_SERIES.from, to: FULL_SERIES.to, step: 'QUARTER', windowSize: 1 } : FULL_SERIES;
const RECORD_BATCH = 10_000;
const IGRAPH_SCRIPT = join(__dirname, '..', '..', 'scripts', 'bench-igraph.py');
const PYTHON = '/usr/bin/python3';

async function benchSeries(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-'));
  const memory = new MemoryWatch();
  const pool = new PathMetricsPool();
  try {
    header(
      QUARTERS
        ? `bench:metrics --quarters — series of the quarters of ${LOG_SHAPE.weeks} weeks`
        : `bench:metrics — series of ${LOG_SHAPE.weeks} weekly windows of 13 weeks`,
    );

    // Generating and recording happen in a child process, so the series below runs in a
    // process holding only what copnet itself holds, and its memory figure is its own.
    const path = join(dir, 'bench.db');
    const child = spawnSync(process.execPath, [__filename, '--load', path], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`loading the interaction log failed: ${child.stderr}`);
    const load = JSON.parse(child.stdout) as LoadFigures;
    line(
      'data',
      `${fmt(load.interactions)} interactions, ${fmt(load.actors)} actors, ${LOG_SHAPE.weeks} weeks, seed ${LOG_SHAPE.seed} (generated in ${sec(load.generatedMs)})`,
    );
    line(
      'load',
      `${sec(load.loadMs)} through the SQLite store, batches of ${fmt(RECORD_BATCH)} (${fmt(Math.round(load.interactions / (load.loadMs / 1000)))} interactions/s)`,
    );

    const store = openSqliteStore(path);
    const service = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool) });
    memory.reset();
    let start = performance.now();
    const cpuBefore = process.cpuUsage();
    const cold = await service.series(SERIES);
    const coldMs = performance.now() - start;
    const coldCpu = process.cpuUsage(cpuBefore);
    const seriesPeak = memory.peak();
    const seriesHeap = memory.heap();
    start = performance.now();
    await service.series(SERIES);
    const warmMs = performance.now() - start;
    const windows = cold.snapshots.length;
    line(
      'windows',
      `${windows}: ${range(cold.snapshots.map((x) => x.actorCount))} actors, ${range(cold.snapshots.map((x) => x.tieCount))} ties (min–median–max)`,
    );
    line('series', `cold ${sec(coldMs)} (${sec(coldMs / windows)} per window): every network and per-actor metric, exact betweenness,`);
    line('', `path metrics on ${pool.threads} worker threads (${availableParallelism()} CPUs: ${cpus()[0]?.model ?? '?'});`);
    line('', `CPU time ${sec((coldCpu.user + coldCpu.system) / 1000)} over all threads`);
    line('warm', `${sec(warmMs)} (same series again, from the snapshot cache)`);
    line(
      'memory',
      `peak RSS during the series ${mb(seriesPeak.hwm ?? seriesPeak.sampled)}` +
        (seriesPeak.hwm === undefined
          ? ' (sampled every 20 ms)'
          : ` (kernel high-water mark, all threads; sampled every 20 ms: ${mb(seriesPeak.sampled)})`),
    );
    line('', `main-thread V8 heap peaks (sampled): ${mb(seriesHeap.used)} used, ${mb(seriesHeap.total)} reserved`);
    const tuning = [...process.execArgv, ...(process.env.MALLOC_ARENA_MAX ? [`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}`] : [])];
    line(
      '',
      `runtime tuning: ${tuning.length > 0 ? tuning.join(' ') : 'none (node defaults)'}; the peak varies by ±50 MB from run to run with GC timing`,
    );
    line('trend', `${cold.trend.verdict}: ${cold.trend.summary}`);

    // The hub-and-spoke story's measures (tie mix, E-I index, constraint, effective size,
    // core number, main core, stage): the same cold series without them, then with them
    // again, each on a fresh service (empty cache) in this already warmed-up process.
    const coldWith = async (story: boolean): Promise<number> => {
      const fresh = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool), measures: { story } });
      const t0 = performance.now();
      await fresh.series(SERIES);
      return performance.now() - t0;
    };
    // The same comparison without the path centralities and the store: measureGraph alone on
    // each window's graph, story measures off and on (main thread, so little affected by the pool).
    let plainMs = 0;
    let storyMs = 0;
    for (const window of cold.windows) {
      const projection = await service.network(window);
      const index = indexGraph(projection.network);
      const counts = { interactionCount: projection.interactionCount, initiatedBy: [0, 0, 0, 0] };
      let t0 = performance.now();
      measureGraph(projection.network, window, counts, index, { story: false });
      plainMs += performance.now() - t0;
      t0 = performance.now();
      measureGraph(projection.network, window, counts, index, { story: true });
      storyMs += performance.now() - t0;
    }
    line(
      'story',
      `measureGraph alone over the ${windows} windows (no betweenness/closeness): ${sec(plainMs)} without the story measures, ` +
        `${sec(storyMs)} with them (+${sec(storyMs - plainMs)}, ${sec((storyMs - plainMs) / windows)} per window)`,
    );

    const rounds = QUARTERS ? 2 : 1;
    for (let round = 1; round <= rounds; round++) {
      const without = await coldWith(false);
      const withAgain = await coldWith(true);
      line(
        '',
        `cold series without the story measures ${sec(without)}, with them ${sec(withAgain)} ` +
          `(${withAgain >= without ? '+' : '−'}${((Math.abs(withAgain - without) / without) * 100).toFixed(1)}%; fresh caches, after the first cold run)`,
      );
    }

    const networks: Csr[] = [];
    if (!process.argv.includes('--no-igraph')) {
      for (const window of cold.windows) networks.push(toCsr((await service.network(window)).network));
    }
    const igraph: IgraphResult = process.argv.includes('--no-igraph')
      ? { error: '--no-igraph' }
      : runIgraph(dir, networks, process.argv.includes('--igraph-closeness'));
    if ('error' in igraph) {
      line('igraph', `skipped: ${igraph.error}`);
    } else {
      const total = totalMs(igraph.betweenness);
      line(
        'igraph',
        `${igraph.version} (C core, one thread) Graph.betweenness() on the same ${windows} windows: ${sec(total)} (${sec(total / windows)} per window),`,
      );
      line('', `CPU time ${sec(totalMs(igraph.betweennessCpu))}`);
      if (igraph.closeness.length > 0) line('', `and Graph.closeness(): ${sec(totalMs(igraph.closeness))} more`);
      line('ratio', `copnet cold series / igraph betweenness = ${(coldMs / total).toFixed(2)} (target ≤ 0.75)`);
      line(
        'check',
        `largest |copnet − igraph| normalized betweenness over all windows and actors: ${maxDifference(cold.snapshots, networks, igraph.values).toExponential(1)}`,
      );
    }
    if (argValue('--store') === 'neo4j') await benchOnNeo4j(pool, coldMs);
    line(
      'load avg',
      `${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} (1, 5, 15 min; other work on this machine slows every figure)`,
    );
    await store.close();
  } finally {
    memory.stop();
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface LoadFigures {
  readonly interactions: number;
  readonly actors: number;
  readonly generatedMs: number;
  readonly loadMs: number;
}

/** `--load PATH` (the child process of benchSeries): generates the log, records it into a new store at PATH, prints LoadFigures. */
async function loadLog(path: string): Promise<void> {
  let start = performance.now();
  const log = generateInteractionLog();
  const generatedMs = performance.now() - start;
  const neo4jUri = process.env.NEO4J_BENCH_URI;
  const store: Store = neo4jUri
    ? await openNeo4jStore({ uri: neo4jUri, user: 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: 'neo4j' })
    : openSqliteStore(path);
  start = performance.now();
  await store.upsertActors(validateActorBatch(log.actors));
  for (let i = 0; i < log.interactions.length; i += RECORD_BATCH) {
    const batch = log.interactions
      .slice(i, i + RECORD_BATCH)
      .map((input, k) => validateInteractionInput(input, `interactions[${i + k}]`, () => `bench-${String(i + k).padStart(6, '0')}`));
    await store.recordInteractions(batch);
  }
  const loadMs = performance.now() - start;
  await store.close();
  const figures: LoadFigures = { interactions: log.interactions.length, actors: log.actors.length, generatedMs, loadMs };
  process.stdout.write(JSON.stringify(figures));
}

/** Peak resident memory of the whole process (every thread): VmHWM when Linux lets us reset it, and sampled. */
class MemoryWatch {
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

interface IgraphTimes {
  readonly version: string;
  /** Seconds per graph: wall clock, CPU (process_time) of Graph.betweenness(), wall clock of Graph.closeness(). */
  readonly betweenness: number[];
  readonly betweennessCpu: number[];
  readonly closeness: number[];
}
type IgraphResult = { error: string } | (IgraphTimes & { values: Float64Array[] });

/** Writes the graphs for scripts/bench-igraph.py, runs it, reads its timings and normalized betweenness back. */
function runIgraph(dir: string, graphs: readonly Csr[], closeness: boolean): IgraphResult {
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

function maxDifference(snapshots: readonly NetworkSnapshot[], graphs: readonly Csr[], igraph: readonly Float64Array[]): number {
  let worst = 0;
  snapshots.forEach((snapshot, w) => {
    const byId = new Map(snapshot.actors.map((actor) => [actor.actorId, actor.betweenness]));
    graphs[w]!.ids.forEach((id, i) => {
      worst = Math.max(worst, Math.abs((byId.get(id) ?? Number.NaN) - igraph[w]![i]!));
    });
  });
  return worst;
}

/** `--kernel`: one graph at a time, graphology-metrics vs the kernel (one thread, pool) vs igraph. */
async function benchKernel(): Promise<void> {
  header('bench:metrics --kernel — betweenness + closeness of one preferential-attachment graph (m = 3)');
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-'));
  const pool = new PathMetricsPool();
  try {
    for (const n of [5_000, 20_000]) {
      const graph = preferentialAttachmentGraph(n, 3, 7);
      const csr = toCsr(graph);
      let start = performance.now();
      betweennessCentrality(graph, { getEdgeWeight: null });
      const gBetweenness = performance.now() - start;
      start = performance.now();
      closenessCentrality(graph, { wassermanFaust: true });
      const gCloseness = performance.now() - start;
      start = performance.now();
      brandesSync(csr);
      const single = performance.now() - start;
      start = performance.now();
      await pool.compute(csr);
      const pooled = performance.now() - start;
      const igraph = runIgraph(dir, [csr], true);
      line(`n=${fmt(n)}`, `${fmt(graph.size)} edges`);
      line('', `graphology-metrics betweenness ${sec(gBetweenness)} + closeness ${sec(gCloseness)} (one thread)`);
      line('', `copnet kernel, both at once: ${sec(single)} one thread, ${sec(pooled)} on ${pool.threads} worker threads`);
      if ('error' in igraph) line('', `igraph skipped: ${igraph.error}`);
      else
        line(
          '',
          `igraph ${igraph.version}: betweenness ${sec(totalMs(igraph.betweenness))} + closeness ${sec(totalMs(igraph.closeness))} (one thread)`,
        );
    }
    line(
      'load avg',
      `${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} (1, 5, 15 min)`,
    );
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Barabási–Albert graph: each new node ties to m distinct earlier nodes chosen in proportion to degree. */
function preferentialAttachmentGraph(n: number, m: number, seed: number): UndirectedGraph {
  const rng = xoroshiro128plus(seed);
  const graph = new UndirectedGraph();
  const ends: number[] = [];
  for (let i = 0; i < n; i++) graph.addNode(`n${String(i).padStart(6, '0')}`);
  const key = (i: number): string => `n${String(i).padStart(6, '0')}`;
  for (let i = 1; i <= m; i++) {
    for (let j = 0; j < i; j++) {
      graph.addEdge(key(i), key(j));
      ends.push(i, j);
    }
  }
  for (let i = m + 1; i < n; i++) {
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(ends[uniformInt(rng, 0, ends.length - 1)]!);
    for (const j of chosen) {
      graph.addEdge(key(i), key(j));
      ends.push(i, j);
    }
  }
  return graph;
}

function header(title: string): void {
  console.log(`\n${title}\n${'─'.repeat(Math.min(title.length, 100))}`);
}
function line(label: string, text: string): void {
  console.log(`${label.padEnd(10)} ${text}`);
}
function fmt(x: number): string {
  return x.toLocaleString('en-US');
}
function sec(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}
/** Total of durations in seconds, in ms. */
function totalMs(seconds: readonly number[]): number {
  return seconds.reduce((a, b) => a + b, 0) * 1000;
}
function range(xs: readonly number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${fmt(sorted[0] ?? 0)}–${fmt(sorted[Math.floor(sorted.length / 2)] ?? 0)}–${fmt(sorted[sorted.length - 1] ?? 0)}`;
}
/** The same log through Neo4j: write rate, read rate of the whole range, and the cold series beside SQLite's. */
async function benchOnNeo4j(pool: PathMetricsPool, sqliteColdMs: number): Promise<void> {
  const server = await benchNeo4j();
  try {
    const child = spawnSync(process.execPath, [__filename, '--load', 'neo4j'], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_BENCH_URI: server.options.uri, NEO4J_PASSWORD: server.options.password },
    });
    if (child.status !== 0) throw new Error(`loading the interaction log into Neo4j failed: ${child.stderr}`);
    const load = JSON.parse(child.stdout) as LoadFigures;
    line('neo4j', `into ${server.where}`);
    line(
      'load',
      `${sec(load.loadMs)} through the Neo4j store, batches of ${fmt(RECORD_BATCH)} (${fmt(Math.round(load.interactions / (load.loadMs / 1000)))} interactions/s)`,
    );
    const store = await openNeo4jStore(server.options);
    try {
      const whole = { from: LOG_SHAPE.start, to: new Date(LOG_SHAPE.start.getTime() + LOG_SHAPE.weeks * WEEK_MS) };
      for (const pass of ['first', 'second']) {
        const start = performance.now();
        let count = 0;
        for await (const interaction of store.streamWindow(whole)) if (interaction) count += 1;
        const ms = performance.now() - start;
        line(
          'read',
          `${pass} stream of the whole range: ${fmt(count)} interactions in ${sec(ms)} (${fmt(Math.round(count / (ms / 1000)))} interactions/s; target ≥ 100,000)`,
        );
      }
      const service = new MetricsService(store, { pathCentralities: poolPathCentralityEngine(pool) });
      const start = performance.now();
      await service.series(SERIES);
      const coldMs = performance.now() - start;
      line('series', `cold ${sec(coldMs)} loading through Neo4j, beside ${sec(sqliteColdMs)} through SQLite (same series, same process)`);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}

function argValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
}

if (require.main === module) {
  const loadAt = process.argv.indexOf('--load');
  const run = loadAt > 0 ? loadLog(process.argv[loadAt + 1]!) : process.argv.includes('--kernel') ? benchKernel() : benchSeries();
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
