import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { Authenticator } from '../../src/auth/authenticator';
import type { JwtVerifier } from '../../src/auth/jwt-verifier';
import { TokenService } from '../../src/auth/token-service';
import { systemAuthor, type Role } from '../../src/domain/access';
import type { OperationLimits } from '../../src/graphql/limits/operation-limits';
import { buildCopnetSchema } from '../../src/graphql/schema';
import { startHttpServer, type RunningServer } from '../../src/http/start-http-server';
import { createServices } from '../../src/services/services';
import type { Store } from '../../src/store/store';
import { openTestStore } from '../store/test-store';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  extensions?: Record<string, unknown>;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** Reads of a window's interactions the API made (streamWindow, or readWindowInto where the store has it). */
export function rangeReads(server: TestServer): number {
  return (server.storeCalls.get('streamWindow') ?? 0) + (server.storeCalls.get('readWindowInto') ?? 0);
}

export interface TestServer {
  readonly url: string;
  readonly dbPath: string;
  /** The real store (SQLite, or Neo4j under test:neo4j), seen through a proxy that counts every call by method name. */
  readonly store: Store;
  readonly storeCalls: Map<string, number>;
  readonly logged: string[];
  /**
   * Auth is on in every test server. The harness creates this admin token (named `test-admin`)
   * at start, and sends it with gql(), postGraphql() and any fetch() to this server that has
   * no Authorization header of its own, so tests that do not care about access just work.
   */
  readonly adminToken: string;
  /** GraphQL as the admin (adminToken). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** GraphQL with a given token, or with none (null: anonymous). */
  gqlAs<T = Record<string, unknown>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** A request to this server: the admin token unless `token` says another (null: none). */
  request(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** Creates a token of that role (named after it unless given) and returns the token text. */
  createToken(role: Role, name?: string, expires?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  maxBodyBytes?: number;
  dbPath?: string;
  maxWindowInteractions?: number;
  workTimeoutMs?: number;
  /** Failed authentications per address and window before 429 (default as in production: 20 per minute). */
  failureLimit?: number;
  corsOrigins?: string[];
  /** Single sign-on verifier (see test/api/auth-jwt.test.ts). */
  jwt?: JwtVerifier;
  /** The response cache (COPNET_RESPONSE_CACHE); off unless asked, so store call counts stay exact. */
  responseCache?: boolean;
  /** COPNET_PUBLIC_SCHEMA=on: introspection without a credential. */
  publicSchema?: boolean;
  /** Operation size limits (default DEFAULT_OPERATION_LIMITS). */
  limits?: OperationLimits;
  /** Large bodies the body checker may hold at once (default DEFAULT_MAX_WAITING_BODIES). */
  maxWaitingBodies?: number;
  /** How long a request's headers and body may take to arrive (default DEFAULT_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Proxies whose X-Forwarded-For names the client (COPNET_TRUST_PROXY); default none. */
  trustedProxies?: string[];
}

/**
 * A real server on a random port over a real SQLite file in a fresh temp dir; under
 * `npm run test:neo4j`, over the Neo4j test database, emptied first (see test/store/test-store.ts).
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-api-'));
  const dbPath = options.dbPath ?? join(dir, 'copnet.db');
  const realStore = await openTestStore(dbPath);
  const storeCalls = new Map<string, number>();
  const store = countingStore(realStore, storeCalls);
  const logged: string[] = [];
  const schema = await buildCopnetSchema();
  const services = createServices(store, { maxWindowInteractions: options.maxWindowInteractions });
  // Tokens are checked on the real store, so storeCalls counts only what the API itself asks.
  const tokens = new TokenService(realStore);
  const createToken = async (role: Role, name: string = role, expires?: string) =>
    (await tokens.create({ name, role, expires }, systemAuthor('test-harness'))).token;
  const adminToken = await createToken('admin', 'test-admin');
  const server: RunningServer = await startHttpServer(schema, services, {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: options.maxBodyBytes ?? 5 * 1024 * 1024,
    workTimeoutMs: options.workTimeoutMs,
    log: (message, error) => logged.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
    authenticator: new Authenticator({ enabled: true, tokens, jwt: options.jwt ?? null, failureLimit: options.failureLimit }),
    corsOrigins: options.corsOrigins,
    responseCache: options.responseCache,
    publicSchema: options.publicSchema,
    limits: options.limits,
    maxWaitingBodies: options.maxWaitingBodies,
    requestTimeoutMs: options.requestTimeoutMs,
    trustedProxies: options.trustedProxies,
  });
  defaultTokens.set(server.url, adminToken);
  return {
    url: server.url,
    dbPath,
    store,
    storeCalls,
    logged,
    adminToken,
    gql: (query, variables) => postGraphql(`${server.url}/graphql`, query, variables, adminToken),
    gqlAs: (token, query, variables) => postGraphql(`${server.url}/graphql`, query, variables, token),
    request: (path, { token = adminToken, ...init } = {}) => fetchWithToken(`${server.url}${path}`, init, token),
    createToken,
    stop: async () => {
      defaultTokens.delete(server.url);
      await server.stop();
      await services.close();
      await realStore.close();
      if (!options.dbPath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * POSTs a GraphQL request. `token`: the one to send; null: none; absent: the admin token of
 * the test server at that URL, if it is one.
 */
export async function postGraphql<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string | null,
): Promise<GraphqlResponse<T>> {
  const response = await fetchWithToken(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) },
    token,
  );
  const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'> & { extensions?: Record<string, unknown> };
  return { status: response.status, ...body };
}

/** The admin token of each running test server, by its URL. */
const defaultTokens = new Map<string, string>();
const unpatchedFetch: typeof fetch = globalThis.fetch;

function defaultTokenFor(url: string): string | undefined {
  for (const [serverUrl, token] of defaultTokens)
    if (url === serverUrl || url.startsWith(`${serverUrl}/`) || url.startsWith(`${serverUrl}?`)) return token;
  return undefined;
}

/** fetch with `Authorization: Bearer <token>` (none when token is null; the server's admin token when undefined). */
function fetchWithToken(url: string, init: RequestInit = {}, token?: string | null): Promise<Response> {
  const headers = new Headers(init.headers);
  const sent = token === undefined ? defaultTokenFor(url) : token;
  if (sent) headers.set('authorization', `Bearer ${sent}`);
  else headers.delete('authorization');
  return unpatchedFetch(url, { ...init, headers });
}

/**
 * Plain fetch() calls in tests (e.g. downloading /export/…) reach a test server as its
 * admin unless they set an Authorization header themselves; requests to anything else are
 * untouched. Tests of access use request()/gqlAs() with an explicit token (null: none).
 */
globalThis.fetch = (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (typeof input === 'string' || input instanceof URL) {
    if (!headers.has('authorization') && defaultTokenFor(url) !== undefined) return fetchWithToken(url, init);
  }
  return unpatchedFetch(input, init);
};

function countingStore(store: Store, calls: Map<string, number>): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export const UPSERT_ACTORS = `mutation Upsert($actors: [ActorInput!]!) { upsertActors(actors: $actors) { id name kind region tags affiliationId } }`;
export const RECORD_INTERACTIONS = `mutation Record($interactions: [InteractionInput!]!) {
  recordInteractions(interactions: $interactions) { id externalId kind occurredAt initiatorId participantIds weight note }
}`;

/** A small network in the shape of the program: a foundation, three intermediaries, schools, a partner. */
export const SMALL_NETWORK = [
  { id: 'bmgf', name: 'Gates Foundation', kind: 'FOUNDATION', region: 'WA', tags: ['funder'] },
  { id: 'nsi-baltimore', name: 'Baltimore City Public Schools', kind: 'INTERMEDIARY', region: 'MD', tags: ['district'] },
  { id: 'nsi-core', name: 'CORE Districts', kind: 'INTERMEDIARY', region: 'CA', tags: ['nonprofit'] },
  { id: 'nsi-ifl', name: 'Institute for Learning', kind: 'INTERMEDIARY', region: 'PA', tags: ['university-partner'] },
  { id: 'school-douglass', name: 'Frederick Douglass High School', kind: 'SCHOOL', region: 'MD', affiliationId: 'nsi-baltimore' },
  { id: 'school-fresno', name: 'Fresno High School', kind: 'SCHOOL', region: 'CA', affiliationId: 'nsi-core' },
  { id: 'sp-learning-forward', name: 'Learning Forward', kind: 'SUPPORT_PARTNER' },
];

/** A PEER_EXCHANGE at noon UTC on `day` (YYYY-MM-DD), initiated by `from` with the actors `to`. */
export function peerExchange(day: string, from: string, to: string[]) {
  return { kind: 'PEER_EXCHANGE', occurredAt: `${day}T12:00:00Z`, initiatorId: from, participantIds: to };
}

/** NetworkSnapshot figures the reference fixtures give networkx values for. */
export const NETWORKX_NETWORK_FIELDS = [
  'actorCount',
  'tieCount',
  'density',
  'degreeCentralization',
  'betweennessCentralization',
  'averageClustering',
  'transitivity',
  'componentCount',
  'largestComponentFraction',
  'hubTieShare',
  'peerTieShare',
  'largestComponentWithoutHubFraction',
] as const;

/** ActorMetrics figures the reference fixtures give networkx values for. */
export const NETWORKX_ACTOR_FIELDS = ['degree', 'degreeCentrality', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'clustering'];
