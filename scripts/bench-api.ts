/**
 * API load benchmark (issues "Survive any client", 17): starts a real copnet server (the built
 * `dist/src/run-cli.js`, its own process, a fresh SQLite file with the demo network) on
 * loopback with access control ON, creates a reader token with `copnet token create`, and
 * drives it with autocannon as that reader, printing throughput and latency for:
 *
 *   1. a trivial actor lookup;
 *   2. the school-year series, cached (asked once before measuring);
 *   3. a page of 100 interactions with their initiators and participants;
 *   4. the trivial lookup again WHILE a cold 338-window weekly series and a large
 *      gexf-dynamic export run (each restarted as soon as it ends, cold every time).
 *
 * With `--server <another build's dist/src/run-cli.js, or its checkout>` both servers run and
 * each scenario is measured on the other build and then on this one, back to back, with the
 * ratio (this / other): on a shared machine only such ratios within one run mean much.
 * The server's environment is this one's (e.g. COPNET_RESPONSE_CACHE=off measures without
 * the response cache).
 *
 * With `--processes N` (N ≥ 2) this build runs twice, as `copnet serve --processes 1` and as
 * `copnet serve --processes N` (node:cluster, one port), each on its own fresh SQLite file, and
 * each scenario prints the ratio (N processes / 1 process). The load generator runs on the same
 * cores as the servers: `--workers W` spreads autocannon over W worker threads (default 1), so
 * its own event loop is not the limit; either way its CPU is taken from the servers'.
 *
 * With `--store neo4j` this build runs on Neo4j instead (a fresh Neo4j test server, or the empty
 * database at NEO4J_URI: scripts/neo4j-bench-server.ts), the demo network loaded into it at the
 * first start; `--store sqlite,neo4j` runs this build on both, SQLite first, and prints each
 * scenario's ratio (neo4j/sqlite), with the first start (demo loaded) and a cold school-year
 * series (a scope not asked before, median of a few) timed on each, once right after the first
 * start and once after the other scenarios (on Neo4j the first also waits for the fresh JVM to
 * compile the read; a server in service has long done that). Issue 18's targets: the page
 * of 100 on Neo4j at least half of SQLite's req/s, the cold series within 1.5×, the first start
 * within 3×.
 *
 * Targets (issue 17): lookup ≥ 10,000 req/s, cached series ≥ 4,000, page of 100 ≥ 1,000,
 * lookup p99 < 50 ms during heavy work; each ≥ 2× the previous build. The machine's load
 * average is printed before and after: on a shared machine it says as much as the figures.
 *
 *   npm run bench:api -- [--seconds 10] [--connections 10] [--light] [--server ../baseline | --processes 2 | --store sqlite,neo4j] [--workers 2] [--rounds 3] [--profile dir]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { loadAverage } from './bench/report';
import { benchServerEnv, runCliOf, type BenchServerNeo4j } from './bench/server-build';
import { benchNeo4j, type BenchNeo4j } from './neo4j-bench-server';
import { parseCommandLine } from './bench/command-line';

const USAGE =
  'npm run bench:api -- [--seconds 10] [--connections 10] [--light] [--server ../baseline | --processes 2 | --store sqlite,neo4j] [--workers 2] [--rounds 3] [--profile dir]';

const { values: args } = parseCommandLine(
  {
    options: {
      seconds: { type: 'string', default: '10' },
      /** Same as --seconds. */
      duration: { type: 'string' },
      connections: { type: 'string', default: '10' },
      /** Another build to compare with: its dist/src/run-cli.js or its checkout (e.g. the main branch's). */
      server: { type: 'string' },
      /** Only the scenarios without heavy work (1–3). */
      light: { type: 'boolean', default: false },
      /** Compare `copnet serve --processes 1` with `--processes N` (this build twice) instead of two builds. */
      processes: { type: 'string' },
      /** Each scenario this many times on each server, alternately, with the median ratio. */
      rounds: { type: 'string', default: '1' },
      /** autocannon worker threads (its `workers` option); default: autocannon's one thread. */
      workers: { type: 'string' },
      /** sqlite (the default), neo4j, or sqlite,neo4j: this build on each, with the ratio neo4j/sqlite. */
      store: { type: 'string' },
      /** Write each server's CPU profile (node --cpu-prof) to this folder when it stops. */
      profile: { type: 'string' },
    },
  },
  USAGE,
);
const SECONDS = Number(args.duration ?? args.seconds);
const CONNECTIONS = Number(args.connections);
const THIS_BUILD = join(__dirname, '..', 'src', 'run-cli.js');
const ROUNDS = Number(args.rounds);
const WORKERS = args.workers === undefined ? undefined : Number(args.workers);

const LOOKUP = '{ actor(id: "nsi-baltimore-city") { id name kind region } }';
const SCHOOL_YEARS = `{ networkMetricSeries(series: { from: "2018-08-01", to: "2025-08-01", step: SCHOOL_YEAR }) {
  snapshots { window { label } density betweennessCentralization peerTieShare hub { name } } trend { verdict } } }`;
const PAGE = `{ interactions(filter: { from: "2019-08-01", to: "2020-08-01" }, first: 100) {
  edges { node { id kind occurredAt initiator { id name } participants { id name } } } } }`;
/** 338 weekly windows; a different co-participation limit each time keeps it cold. */
/** The school-year series under a scope not asked before (a co-participation limit of its own): cold. */
const coldSchoolYears = (limit: number) => `{ networkMetricSeries(series: { from: "2018-08-01", to: "2025-08-01", step: SCHOOL_YEAR },
  scope: { coParticipationLimit: ${limit} }) { snapshots { window { label } density betweennessCentralization peerTieShare hub { name } } trend { verdict } } }`;
const COLD_RUNS = 3;
const weeklySeries = (limit: number) => `{ networkMetricSeries(series: { from: "2018-10-01", to: "2025-03-24", step: WEEK },
  scope: { coParticipationLimit: ${limit} }) { snapshots { density betweennessCentralization } } }`;
const bigExport = (limit: number) =>
  `/export/gexf-dynamic?from=2018-10-01&to=2025-06-30&step=MONTH&windowSize=12&coParticipationLimit=${limit}`;

/** A server to start: a build's run-cli.js and the arguments of its `serve` command. */
interface Target {
  readonly name: string;
  readonly runCli: string;
  readonly serveArgs: readonly string[];
  /** Where the network is kept: SQLite (a fresh file), or Neo4j. */
  readonly store: 'sqlite' | 'neo4j';
}

/**
 * What to measure: this build alone; the other build then this one (--server); or this build
 * from one process then from N (--processes N). The second is compared with the first.
 */
function targetsOf(
  server: string | undefined,
  processes: string | undefined,
  store: string | undefined,
): { targets: Target[]; compared: string } {
  if ([server, processes, store].filter((given) => given !== undefined).length > 1)
    throw new Error('--server, --processes and --store cannot be combined');
  if (store !== undefined) {
    const stores = store.split(',');
    if (stores.some((kind) => kind !== 'sqlite' && kind !== 'neo4j') || stores.length > 2 || new Set(stores).size !== stores.length)
      throw new Error(`--store: ${JSON.stringify(store)} is not sqlite, neo4j or sqlite,neo4j`);
    // SQLite first: the base the ratio divides by.
    const targets = (['sqlite', 'neo4j'] as const)
      .filter((kind) => stores.includes(kind))
      .map((kind) => ({ name: kind, runCli: THIS_BUILD, serveArgs: [], store: kind }));
    return { targets, compared: targets.length === 2 ? 'neo4j/sqlite' : '' };
  }
  if (processes !== undefined) {
    const n = Number(processes);
    if (!Number.isInteger(n) || n < 2) throw new Error(`--processes: ${processes} is not a whole number of at least 2`);
    return {
      targets: [
        { name: '1 process', runCli: THIS_BUILD, serveArgs: ['serve', '--processes', '1'], store: 'sqlite' },
        { name: `${n} processes`, runCli: THIS_BUILD, serveArgs: ['serve', '--processes', String(n)], store: 'sqlite' },
      ],
      compared: `${n} processes / 1 process`,
    };
  }
  const mine: Target = { name: 'this', runCli: THIS_BUILD, serveArgs: [], store: 'sqlite' };
  if (server === undefined) return { targets: [mine], compared: '' };
  return { targets: [{ name: 'other', runCli: runCliOf(server), serveArgs: [], store: 'sqlite' }, mine], compared: 'this/other build' };
}

interface Server {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  /** The reader token's Authorization header. */
  readonly authorization: string;
  /** Seconds from starting the server process to its first answer's readiness (the demo network loaded into an empty store). */
  readonly startSeconds: number;
}

/**
 * node --cpu-prof options for one server: `<dir>/<name>.cpuprofile`, or with --processes (whose
 * workers inherit the options) a folder per server holding one profile per process, named by pid.
 */
function profileArgs(name: string, serveArgs: readonly string[], dir: string): string[] {
  const slug = name.replace(/\W+/g, '-');
  if (serveArgs.includes('--processes')) return ['--cpu-prof', `--cpu-prof-dir=${join(dir, slug)}`];
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${slug}.cpuprofile`];
}

async function startServer({ name, runCli, serveArgs }: Target, dir: string, neo4j: BenchServerNeo4j | null): Promise<Server> {
  const env = benchServerEnv(dir, neo4j);
  // The configuration users run: access control on, a dashboard's reader token.
  const created = execFileSync(process.execPath, [runCli, 'token', 'create', '--name', 'bench-reader', '--role', 'reader'], { env });
  const token = created.toString().trim().split('\n').pop()!;
  const profile = args.profile === undefined ? [] : profileArgs(name, serveArgs, resolve(args.profile));
  const spawned = performance.now();
  const child = spawn(process.execPath, [...profile, runCli, ...serveArgs], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // "serving http://…/graphql" (older builds) or "… the API at http://…/graphql".
      const match = /(http:\/\/[^/\s]+)\/graphql/.exec(out);
      if (match)
        resolve({ name, child, url: match[1]!, authorization: `Bearer ${token}`, startSeconds: (performance.now() - spawned) / 1000 });
    });
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}:\n${out}`)));
  });
}

async function post(server: Server, query: string): Promise<void> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: server.authorization },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
}

async function load(server: Server, name: string, query: string): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: server.authorization },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(WORKERS === undefined ? {} : { workers: WORKERS }),
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${`${name} [${server.name}]`.padEnd(56)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ` +
      `(${result.requests.total} requests${bad > 0 ? `, ${bad} failed` : ''})`,
  );
  if (bad > 0) throw new Error(`${name} on ${server.name}: ${bad} requests failed`);
  return result;
}

/** The cold school-year series on one server: COLD_RUNS requests one after another, each under a new scope (limits firstLimit…); the median ms. */
async function coldSeries(server: Server, firstLimit: number, served = false): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const started = performance.now();
    await post(server, coldSchoolYears(firstLimit + run));
    times.push(performance.now() - started);
  }
  const median = [...times].sort((a, b) => a - b)[(COLD_RUNS - 1) / 2]!;
  console.log(
    `${`${served ? '2c' : '2b'}. school-year series (cold${served ? ', served a while' : ''}) [${server.name}]`.padEnd(56)} median ${median.toFixed(0).padStart(5)} ms   (${times.map((t) => t.toFixed(0)).join(', ')} ms; a new scope each, ${served ? 'after the scenarios above' : 'after the first start'})`,
  );
  return median;
}

/** The cold series (coldSeries) on the first server, if any, then on this build's, with the ratio of their medians. */
async function coldSeriesOnBoth(
  compared: string,
  base: Server | undefined,
  mine: Server,
  firstLimit: number,
  served: boolean,
): Promise<void> {
  const before = base ? await coldSeries(base, firstLimit, served) : undefined;
  const after = await coldSeries(mine, firstLimit, served);
  if (before !== undefined && before > 0) console.log(`   ratio ${compared}: ${(after / before).toFixed(2)}× time`);
}

/** Runs cold heavy work back to back until stopped; counts what finished. */
function heavyLoop(server: Server, stop: AbortSignal): Promise<{ series: number; exports: number; exportMb: number }> {
  const done = { series: 0, exports: 0, exportMb: 0 };
  let limit = 2;
  const series = (async () => {
    while (!stop.aborted) {
      await post(server, weeklySeries(limit++ % 100));
      done.series += 1;
    }
  })();
  const exports = (async () => {
    while (!stop.aborted) {
      const response = await fetch(`${server.url}${bigExport(limit++ % 100)}`, { headers: { authorization: server.authorization } });
      if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
      done.exportMb += (await response.arrayBuffer()).byteLength / 1e6;
      done.exports += 1;
    }
  })();
  return Promise.all([series, exports]).then(() => done);
}

/** The lookup measured while heavy work runs on the same server. */
async function duringHeavyWork(server: Server): Promise<autocannon.Result> {
  const stop = new AbortController();
  const heavy = heavyLoop(server, stop.signal);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the heavy work get going
  const result = await load(server, '4. actor lookup during heavy work', LOOKUP);
  stop.abort();
  const finished = await heavy;
  console.log(
    `   heavy work meanwhile: ${finished.series} cold 338-window weekly series, ${finished.exports} gexf-dynamic exports (rolling 12-month windows, monthly steps, ${finished.exportMb.toFixed(1)} MB)`,
  );
  return result;
}

/**
 * One scenario on both servers, back to back, `--rounds` times (first, second, first, second…):
 * on a shared machine the load changes by the second, so the ratio of each round is printed
 * and, over several rounds, their median.
 */
async function alternate(compared: string, base: Server | undefined, mine: Server, name: string, query: string): Promise<void> {
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = base ? await load(base, name, query) : undefined;
    const after = await load(mine, name, query);
    ratio(compared, after, before);
    if (before && before.requests.average > 0) ratios.push(after.requests.average / before.requests.average);
  }
  if (ratios.length > 1) {
    const sorted = [...ratios].sort((a, b) => a - b);
    const median =
      sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    console.log(
      `   median ratio ${compared} over ${ratios.length} rounds: ${median.toFixed(2)}× req/s (${sorted.map((r) => r.toFixed(2)).join(', ')})`,
    );
  }
}

/** "second / first" (this / other build, or N processes / 1) for throughput and p99 latency. */
function ratio(compared: string, mine: autocannon.Result, other: autocannon.Result | undefined): void {
  if (!other) return;
  const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  console.log(
    `   ratio ${compared}: ${times(mine.requests.average, other.requests.average)} req/s, p99 ${times(mine.latency.p99, other.latency.p99)}`,
  );
}

async function main(): Promise<void> {
  const dirs: string[] = [];
  console.log(`bench:api — ${availableParallelism()} cores, Node ${process.version}, load average before ${loadAverage()}`);
  const { targets, compared } = targetsOf(args.server, args.processes, args.store);
  const neo4jServer: BenchNeo4j | null = targets.some((target) => target.store === 'neo4j') ? await benchNeo4j() : null;
  console.log(
    `autocannon: ${CONNECTIONS} connections${WORKERS === undefined ? '' : ` over ${WORKERS} worker threads`}, ${SECONDS} s per scenario, loopback, auth on, a reader token; ` +
      `demo network in a fresh SQLite file per server${neo4jServer ? ` or in ${neo4jServer.where}` : ''}; ${targets.map((t) => `${t.name}: ${t.runCli} ${t.serveArgs.join(' ')}`.trim()).join('; ')}`,
  );
  const servers: Server[] = [];
  const started = Date.now();
  try {
    for (const target of targets) {
      const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-api-'));
      dirs.push(dir);
      servers.push(await startServer(target, dir, target.store === 'neo4j' ? neo4jServer!.options : null));
    }
    console.log(
      `servers ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${servers.map((s) => `${s.name} ${s.url}`).join(', ')}`,
    );
    console.log(
      `first start (the demo network loaded into the empty store): ${servers.map((s) => `${s.name} ${s.startSeconds.toFixed(1)} s`).join(', ')}` +
        (compared && servers.length === 2
          ? `; ratio ${compared} ${(servers[1]!.startSeconds / servers[0]!.startSeconds).toFixed(2)}×`
          : ''),
    );
    const [base, mine] = servers.length === 2 ? [servers[0], servers[1]!] : [undefined, servers[0]!];
    // Cold first: the series under scopes no request has asked for, on each server in turn.
    await coldSeriesOnBoth(compared, base, mine, 90, false);
    for (const server of servers) {
      await post(server, LOOKUP);
      await post(server, SCHOOL_YEARS); // cached from here on
      await post(server, PAGE);
    }
    const scenarios: [string, string][] = [
      ['1. actor lookup', LOOKUP],
      ['2. school-year series (cached)', SCHOOL_YEARS],
      ['3. 100 interactions + initiators/participants', PAGE],
    ];
    for (const [name, query] of scenarios) await alternate(compared, base, mine, name, query);
    // Again once the servers have served a while: on Neo4j the first cold series after the first
    // start also pays for the JVM compiling the read, which a server in service has done long ago.
    await coldSeriesOnBoth(compared, base, mine, 60, true);
    if (!args.light) {
      const before = base ? await duringHeavyWork(base) : undefined;
      ratio(compared, await duringHeavyWork(mine), before);
    }
  } finally {
    for (const server of servers) {
      if (server.child.exitCode !== null) continue;
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await neo4jServer?.stop();
  }
  console.log(`load average after ${loadAverage()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
