/**
 * HTTP framework benchmark (issue 20): the SAME Apollo server and schema, with copnet's request
 * context and token authentication, served two ways from one server process:
 *
 *   - copnet's node:http layer (src/http/start-http-server.ts, as `copnet serve` runs it);
 *   - Fastify 5 with Apollo's own integration (@as-integrations/fastify), with the checks that
 *     copnet's layer does before Apollo (body limit, query text and variable lists) and its
 *     request metrics, so both do the same work and only the framework differs.
 *
 * The server process holds a fresh SQLite file with the demo network and a reader token; this
 * process drives it with autocannon (the trivial actor lookup), alternating the two servers
 * `--rounds` times, and prints req/s and p99 of both with the ratio (fastify / node:http) and
 * the median ratio. Both servers share the same cores with the load generator, as in bench:api.
 *
 *   npm run bench:http -- [--seconds 10] [--connections 10] [--rounds 3]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import 'reflect-metadata';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { GraphQLError } from 'graphql';
import { Authenticator } from '../src/auth/authenticator';
import { TokenService } from '../src/auth/token-service';
import { systemAuthor } from '../src/domain/access';
import { loadDemoData } from '../src/demo/load-demo-data';
import { createRequestContext } from '../src/graphql/context';
import { DEFAULT_OPERATION_LIMITS } from '../src/graphql/limits/operation-limits';
import { checkQueryText } from '../src/graphql/limits/query-text';
import { checkVariableLists } from '../src/graphql/limits/variable-lists';
import { buildCopnetSchema } from '../src/graphql/schema';
import { createApolloServer } from '../src/http/apollo';
import { CopnetMetrics } from '../src/http/prometheus-metrics';
import { noteOperation, requestObserver } from '../src/http/request-observer';
import { requestSignal } from '../src/http/request-signal';
import { startHttpServer } from '../src/http/start-http-server';
import { createServices } from '../src/services/services';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import { loadAverage } from './bench/report';
import { parseCommandLine } from './bench/command-line';

const USAGE = 'npm run bench:http -- [--seconds 10] [--connections 10] [--rounds 3]';

const { values: args } = parseCommandLine(
  {
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      /** Internal: this process is the server process. */
      serve: { type: 'boolean', default: false },
    },
  },
  USAGE,
);

const LOOKUP = '{ actor(id: "nsi-baltimore-city") { id name kind region } }';
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const WORK_TIMEOUT_MS = 120_000;

interface Endpoints {
  readonly nodeHttp: string;
  readonly fastify: string;
  readonly token: string;
}

/** The server process: both servers over one store, one schema, one set of services; prints their URLs as one JSON line. */
async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-bench-http-'));
  const store = openSqliteStore(join(dir, 'copnet.db'));
  await loadDemoData(store);
  const tokens = new TokenService(store);
  const token = (await tokens.create({ name: 'bench-reader', role: 'reader' }, systemAuthor('bench'))).token;
  const schema = await buildCopnetSchema();
  const services = createServices(store);
  const authenticator = new Authenticator({ enabled: true, tokens, jwt: null });
  const log = (message: string, error?: unknown) => console.error(`[bench:http] ${message}`, error ?? '');

  const copnet = await startHttpServer(schema, services, {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: MAX_BODY_BYTES,
    workTimeoutMs: WORK_TIMEOUT_MS,
    log,
    authenticator,
  });

  const app = Fastify({ bodyLimit: MAX_BODY_BYTES });
  const apollo = createApolloServer(schema, app.server, log, DEFAULT_OPERATION_LIMITS);
  await apollo.start();
  const observe = requestObserver(new CopnetMetrics(), undefined);
  app.addHook('onRequest', async (request, reply) => observe(request.raw, reply.raw));
  // What copnet's layer checks before graphql-js sees the operation (start-http-server.ts).
  app.addHook('preHandler', async (request, reply) => {
    const body = request.body as { query?: unknown; variables?: unknown } | undefined;
    noteOperation(request.raw, body);
    try {
      if (typeof body?.query === 'string') checkQueryText(body.query, DEFAULT_OPERATION_LIMITS);
      if (body !== undefined && 'variables' in body) checkVariableLists(body.variables);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return reply.code(400).send({ errors: [{ message: error.message, extensions: error.extensions }] });
    }
  });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    handler: fastifyApolloHandler(apollo, {
      context: async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const principal = authenticator.authenticate(request.headers.authorization, request.ip);
        principal.catch(() => undefined);
        return createRequestContext(services, requestSignal(reply.raw, WORK_TIMEOUT_MS), { principal });
      },
    }),
  });
  const fastifyUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const endpoints: Endpoints = { nodeHttp: copnet.url, fastify: fastifyUrl, token };
  console.log(JSON.stringify(endpoints));
  await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
  await app.close();
  await copnet.stop();
  await services.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

async function load(url: string, token: string): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: LOOKUP }),
    connections: Number(args.connections),
    duration: Number(args.seconds),
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} requests failed`);
  return result;
}

function figures(name: string, result: autocannon.Result): string {
  return `${name.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   (${result.requests.total} requests)`;
}

async function main(): Promise<void> {
  console.log(`bench:http — ${availableParallelism()} cores, Node ${process.version}, load average before ${loadAverage()}`);
  console.log(
    `the actor lookup as a reader (token auth on), autocannon ${args.connections} connections, ${args.seconds} s per measurement, ${args.rounds} rounds alternating`,
  );
  const server = spawn(process.execPath, [__filename, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  const endpoints = await new Promise<Endpoints>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((text) => text.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line) as Endpoints);
    });
    server.once('exit', (code) => reject(new Error(`the server process exited (${code}): ${out}`)));
  });
  try {
    const warm = { nodeHttp: await load(endpoints.nodeHttp, endpoints.token), fastify: await load(endpoints.fastify, endpoints.token) };
    void warm; // one round each to warm the JIT and the caches, not counted
    const ratios: number[] = [];
    const p99s: number[] = [];
    for (let round = 1; round <= Number(args.rounds); round += 1) {
      const nodeHttp = await load(endpoints.nodeHttp, endpoints.token);
      console.log(figures(`round ${round}: copnet node:http`, nodeHttp));
      const fastify = await load(endpoints.fastify, endpoints.token);
      console.log(figures(`round ${round}: Fastify + @as-integrations/fastify`, fastify));
      const ratio = fastify.requests.average / nodeHttp.requests.average;
      ratios.push(ratio);
      p99s.push(fastify.latency.p99 / Math.max(1, nodeHttp.latency.p99));
      console.log(`   ratio fastify / node:http: ${ratio.toFixed(2)}× req/s, p99 ${p99s[p99s.length - 1]!.toFixed(2)}×`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`median ratio fastify / node:http: ${median(ratios).toFixed(2)}× req/s, p99 ${median(p99s).toFixed(2)}×`);
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  console.log(`load average after ${loadAverage()}`);
}

(args.serve ? serve() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
