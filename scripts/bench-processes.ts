/**
 * `npm run bench:processes -- [--seconds 8] [--connections 16] [--rounds 3]` (issue 20): the
 * trivial actor lookup (a reader token, access control on, the demo network) against
 * `copnet serve --processes 1` and `copnet serve --processes 2`, alternately, each round on
 * fresh SQLite files, and the ratio (2 processes / 1 process) per round and its median.
 *
 * The load generator is wrk (Debian: `apt-get install wrk`), not autocannon: on two cores the
 * generator's CPU is taken from the servers', and a Node generator costs about as much per request
 * as the lookup itself, which caps the possible scaling near 1× (`bench:api -- --processes 2`
 * shows that). wrk, in C, costs a fraction of that, so what the second process adds shows.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAverage } from './bench/report';
import { benchServerEnv } from './bench/server-build';
import { parseCommandLine } from './bench/command-line';

const USAGE = 'npm run bench:processes -- [--seconds 8] [--connections 16] [--rounds 3]';

const { values: args } = parseCommandLine(
  {
    options: {
      seconds: { type: 'string', default: '8' },
      connections: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '3' },
    },
  },
  USAGE,
);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
const RUN_CLI = resolve(__dirname, '..', 'src', 'run-cli.js');
const LOOKUP = '{ actor(id: "nsi-baltimore-city") { id name kind region } }';

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
}

function startServer(processes: number, dir: string): Promise<Server> {
  const env = benchServerEnv(dir);
  const created = execFileSync(process.execPath, [RUN_CLI, 'token', 'create', '--name', 'bench-reader', '--role', 'reader'], { env });
  const token = created.toString().trim().split('\n').pop()!;
  const child = spawn(process.execPath, [RUN_CLI, 'serve', '--processes', String(processes)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/[^/\s]+)\/graphql/.exec(out);
      if (match) resolvePromise({ child, url: match[1]!, token });
    });
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}:\n${out}`)));
  });
}

async function stop(server: Server): Promise<void> {
  const exited = new Promise((resolvePromise) => server.child.once('exit', resolvePromise));
  server.child.kill('SIGTERM');
  await exited;
}

/** wrk's requests per second and p99 (ms) for the lookup. */
function wrk(server: Server, script: string, seconds: number): { rps: number; p99: number; non2xx: number } {
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', script, `${server.url}/graphql`], {
    env: { ...process.env, COPNET_BENCH_TOKEN: server.token },
  }).toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99Match = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const unit = p99Match?.[2] === 'us' ? 0.001 : p99Match?.[2] === 's' ? 1000 : 1;
  const p99 = Number(p99Match?.[1]) * unit;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  if (!Number.isFinite(rps)) throw new Error(`wrk printed no rate:\n${out}`);
  return { rps, p99, non2xx };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk --version exits 1 after printing; only a missing binary is fatal.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('bench:processes needs wrk: apt-get install wrk');
  }
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-processes-'));
  const script = join(dir, 'lookup.lua');
  writeFileSync(
    script,
    [
      'wrk.method = "POST"',
      'wrk.headers["Content-Type"] = "application/json"',
      'wrk.headers["Authorization"] = "Bearer " .. os.getenv("COPNET_BENCH_TOKEN")',
      `wrk.body = ${JSON.stringify(JSON.stringify({ query: LOOKUP }))}`,
    ].join('\n'),
  );
  console.log(`bench:processes — load average before ${loadAverage()}`);
  console.log(`actor lookup, wrk -t1 -c${CONNECTIONS}, ${SECONDS} s per measurement, ${ROUNDS} rounds, 1 then 2 processes each round`);
  const ratios: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const rates: number[] = [];
      for (const processes of [1, 2]) {
        const serverDir = mkdtempSync(join(dir, `p${processes}-`));
        const server = await startServer(processes, serverDir);
        try {
          wrk(server, script, 2); // warm every worker's caches and JIT
          const { rps, p99, non2xx } = wrk(server, script, SECONDS);
          if (non2xx > 0) throw new Error(`${non2xx} answers were not 2xx`);
          rates.push(rps);
          console.log(
            `round ${round}: ${processes} process${processes > 1 ? 'es' : ''}  ${rps.toFixed(0).padStart(6)} req/s  p99 ${p99.toFixed(1)} ms`,
          );
        } finally {
          await stop(server);
        }
      }
      ratios.push(rates[1]! / rates[0]!);
      console.log(`round ${round}: ratio 2 processes / 1 process ${ratios.at(-1)!.toFixed(2)}×`);
    }
    console.log(`median ratio over ${ROUNDS} rounds: ${median(ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')})`);
    console.log(`load average after ${loadAverage()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
