import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { buildCopnetSchema } from '../../src/graphql/schema';
import { startHttpServer, type RunningServer } from '../../src/http/http-server';
import { createServices } from '../../src/services/services';
import type { Store } from '../../src/store/store';
import { openTestStore } from '../store/test-store';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface TestServer {
  readonly url: string;
  readonly dbPath: string;
  /** The real store (SQLite, or Neo4j under test:neo4j), seen through a proxy that counts every call by method name. */
  readonly store: Store;
  readonly storeCalls: Map<string, number>;
  readonly logged: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  stop(): Promise<void>;
}

/**
 * A real server on a random port over a real SQLite file in a fresh temp dir; under
 * `npm run test:neo4j`, over the Neo4j test database, emptied first (see test/store/test-store.ts).
 */
export async function startTestServer(options: { maxBodyBytes?: number; dbPath?: string } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-api-'));
  const dbPath = options.dbPath ?? join(dir, 'copnet.db');
  const realStore = await openTestStore(dbPath);
  const storeCalls = new Map<string, number>();
  const store = countingStore(realStore, storeCalls);
  const logged: string[] = [];
  const schema = await buildCopnetSchema();
  const services = createServices(store);
  const server: RunningServer = await startHttpServer(schema, services, {
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: options.maxBodyBytes ?? 5 * 1024 * 1024,
    log: (message, error) => logged.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  return {
    url: server.url,
    dbPath,
    store,
    storeCalls,
    logged,
    gql: (query, variables) => postGraphql(`${server.url}/graphql`, query, variables),
    stop: async () => {
      await server.stop();
      await services.close();
      await realStore.close();
      if (!options.dbPath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postGraphql<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

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
