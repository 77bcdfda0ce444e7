/**
 * API load benchmark (issue "Survive any client"): starts a real copnet server (the built
 * `dist/src/run-cli.js`, its own process, a fresh SQLite file with the demo network) on
 * loopback, drives it with autocannon, and prints throughput and latency for:
 *
 *   1. a trivial actor lookup;
 *   2. the school-year series, cached (asked once before measuring);
 *   3. a page of 100 interactions with their initiators and participants;
 *   4. the trivial lookup again WHILE a cold 338-window weekly series and a large
 *      gexf-dynamic export run (each restarted as soon as it ends, cold every time).
 *
 * Targets: (4) p99 under 50 ms; (3) at least 1,000 requests/s. The machine's load average
 * is printed before and after: on a shared machine it says as much as the figures.
 *
 *   npm run bench:api -- [--seconds 10] [--connections 10] [--light] [--server other/dist/src/run-cli.js]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadAverage } from './bench/report';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    /** Another build's run-cli.js, to compare (e.g. the main branch's dist/src/run-cli.js). */
    server: { type: 'string', default: join(__dirname, '..', 'src', 'run-cli.js') },
    /** Only the scenarios without heavy work (1–3). */
    light: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);

const LOOKUP = '{ actor(id: "nsi-baltimore-city") { id name kind region } }';
const SCHOOL_YEARS = `{ networkMetricSeries(series: { from: "2018-08-01", to: "2025-08-01", step: SCHOOL_YEAR }) {
  snapshots { window { label } density betweennessCentralization peerTieShare hub { name } } trend { verdict } } }`;
const PAGE = `{ interactions(filter: { from: "2019-08-01", to: "2020-08-01" }, first: 100) {
  edges { node { id kind occurredAt initiator { id name } participants { id name } } } } }`;
/** 338 weekly windows; a different co-participation limit each time keeps it cold. */
const weeklySeries = (limit: number) => `{ networkMetricSeries(series: { from: "2018-10-01", to: "2025-03-24", step: WEEK },
  scope: { coParticipationLimit: ${limit} }) { snapshots { density betweennessCentralization } } }`;
const bigExport = (limit: number) =>
  `/export/gexf-dynamic?from=2018-10-01&to=2025-06-30&step=MONTH&windowSize=12&coParticipationLimit=${limit}`;

function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [args.server], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      COPNET_DB_PATH: join(dir, 'copnet.db'),
      COPNET_DEMO_DATA: 'on',
      COPNET_STORE: 'sqlite',
      // Loopback only: the load is about the work, not token checks (older builds ignore it).
      COPNET_AUTH: 'off',
      MALLOC_ARENA_MAX: '2',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // "serving http://…/graphql" (older builds) or "… the API at http://…/graphql".
      const match = /(http:\/\/[^/\s]+)\/graphql/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}:\n${out}`)));
  });
}

async function post(url: string, query: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
}

async function load(url: string, name: string, query: string): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${name.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ` +
      `(${result.requests.total} requests${bad > 0 ? `, ${bad} failed` : ''})`,
  );
  return result;
}

/** Runs cold heavy work back to back until stopped; counts what finished. */
function heavyLoop(url: string, stop: AbortSignal): Promise<{ series: number; exports: number; exportMb: number }> {
  const done = { series: 0, exports: 0, exportMb: 0 };
  let limit = 2;
  const series = (async () => {
    while (!stop.aborted) {
      await post(url, weeklySeries(limit++ % 100));
      done.series += 1;
    }
  })();
  const exports = (async () => {
    while (!stop.aborted) {
      const response = await fetch(`${url}${bigExport(limit++ % 100)}`);
      if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
      done.exportMb += (await response.arrayBuffer()).byteLength / 1e6;
      done.exports += 1;
    }
  })();
  return Promise.all([series, exports]).then(() => done);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-api-'));
  console.log(`bench:api — ${availableParallelism()} cores, Node ${process.version}, load average before ${loadAverage()}`);
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${SECONDS} s per scenario, loopback; server: ${args.server}, demo network in a fresh SQLite file`,
  );
  const started = Date.now();
  const { child, url } = await startServer(dir);
  console.log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${url}`);
  try {
    await post(url, LOOKUP);
    await post(url, SCHOOL_YEARS); // cached from here on
    await post(url, PAGE);
    await load(url, '1. actor lookup', LOOKUP);
    await load(url, '2. school-year series (cached)', SCHOOL_YEARS);
    await load(url, '3. 100 interactions + initiators/participants', PAGE);
    if (args.light) return;

    const stop = new AbortController();
    const heavy = heavyLoop(url, stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the heavy work get going
    await load(url, '4. actor lookup during heavy work', LOOKUP);
    stop.abort();
    const finished = await heavy;
    console.log(
      `   heavy work meanwhile: ${finished.series} cold 338-window weekly series, ${finished.exports} gexf-dynamic exports (rolling 12-month windows, monthly steps, ${finished.exportMb.toFixed(1)} MB)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average after ${loadAverage()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
