import { Authenticator } from '../../src/auth/authenticator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { loadDemoData } from '../../src/demo/load-demo-data';
import type { Actor } from '../../src/domain/actor';
import { buildCopnetSchema } from '../../src/graphql/schema';
import { startHttpServer, type RunningServer } from '../../src/http/start-http-server';
import { createServices } from '../../src/services/services';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';
import { NETWORKX_ACTOR_FIELDS as ACTOR_FIELDS, NETWORKX_NETWORK_FIELDS, postGraphql } from '../api/harness';
import { neo4jTestOptions, TEST_STORE, wipeNeo4j } from '../store/test-store';
import { runMigrateStore, storeContents } from '../services/migrate-helpers';

/**
 * Parity on real data: the deterministic demo network (plus a few actors with non-ASCII names)
 * in both stores (Neo4j filled from the SQLite file by migrate-store, and copied back at the end),
 * each behind its own real HTTP server, must give the same GraphQL answers:
 * actor and interaction pages with every filter, followed through their cursors, and the
 * school-year series of every network figure and the top actors (numbers to 1e-9). A difference
 * is a bug in one adapter.
 */

const UNICODE_ACTORS: Actor[] = [
  { id: 'u-ecole', name: 'École Élémentaire Saint-Éloi', kind: 'SCHOOL', region: 'QC', tags: ['unicode'], affiliationId: null },
  { id: 'u-greek', name: 'ΣΧΟΛΕΙΟ ΑΘΗΝΩΝ ΟΔΟΣ', kind: 'SCHOOL', region: 'GR', tags: ['unicode'], affiliationId: null },
  { id: 'u-strasse', name: 'Schule an der Straße', kind: 'SCHOOL', region: 'DE', tags: ['unicode'], affiliationId: null },
  { id: 'u-istanbul', name: 'İstanbul Lisesi', kind: 'SCHOOL', region: 'TR', tags: ['unicode'], affiliationId: null },
  { id: 'u-lodz', name: 'ŁÓDŹ Akademia', kind: 'SUPPORT_PARTNER', region: 'PL', tags: ['unicode'], affiliationId: null },
  { id: 'u-cjk', name: '東京 Ｓｃｈｏｏｌ', kind: 'SCHOOL', region: 'JP', tags: ['unicode'], affiliationId: null },
];
const SEARCHES = [
  'école',
  'ÉCOLE',
  'éloi',
  'σχολειο',
  'οδος',
  'ΟΔΟΣ',
  'straße',
  'STRASSE',
  'istanbul',
  'i̇stanbul',
  'İSTANBUL',
  'łódź',
  'ŁÓDŹ',
  '東京',
  'ｓｃｈｏｏｌ',
  'high',
  'ACADEMY',
  'z',
];

const ACTOR_PAGE = `query($filter: ActorFilter, $after: String, $first: Int) {
  actors(filter: $filter, after: $after, first: $first) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { cursor node { id name kind region tags affiliationId } }
  }
}`;
const INTERACTION_PAGE = `query($filter: InteractionFilter, $after: String, $first: Int) {
  interactions(filter: $filter, after: $after, first: $first) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { cursor node { id externalId kind occurredAt initiatorId participantIds weight note } }
  }
}`;
const NETWORK_FIELDS = [...NETWORKX_NETWORK_FIELDS, 'interactionCount', 'modularity', 'communityCount'];
const SERIES = `query($series: SeriesInput!, $scope: ScopeInput) {
  networkMetricSeries(series: $series, scope: $scope) {
    snapshots {
      window { from to label }
      ${NETWORK_FIELDS.join(' ')}
      hub { id }
      byBetweenness: actors(first: 15, orderBy: BETWEENNESS) { actor { id } ${ACTOR_FIELDS.join(' ')} }
      byDegree: actors(first: 15, orderBy: DEGREE) { actor { id } ${ACTOR_FIELDS.join(' ')} }
    }
    trend { __typename }
  }
}`;

interface Side {
  readonly store: Store;
  readonly server: RunningServer;
  readonly close: () => Promise<void>;
}

type Connection = { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: unknown[] };

/** Every page of a connection, following endCursor; the pages themselves are compared, cursors included. */

async function allPages(
  url: string,
  query: string,
  field: 'actors' | 'interactions',
  filter: Record<string, unknown>,
  first: number,
): Promise<Connection[]> {
  const pages: Connection[] = [];
  let after: string | null = null;
  for (;;) {
    const result: Awaited<ReturnType<typeof postGraphql<Record<string, Connection>>>> = await postGraphql<Record<string, Connection>>(
      `${url}/graphql`,
      query,
      { filter, after, first },
    );
    if (result.errors) throw new Error(`${field} ${JSON.stringify(filter)}: ${JSON.stringify(result.errors)}`);
    const page: Connection = result.data![field]!;
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
}

/** Equal, with numbers equal to 1e-9 (relative to their size when large). */
function expectSameFigures(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
      throw new Error(`${path}: Neo4j gives ${actual}, SQLite ${expected}`);
    }
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    expect([path, actual.length]).toEqual([path, expected.length]);
    expected.forEach((item, i) => expectSameFigures(actual[i], item, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    expect([path, Object.keys(actual).sort()]).toEqual([path, Object.keys(expected).sort()]);
    for (const key of Object.keys(expected))
      expectSameFigures((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  expect([path, actual]).toEqual([path, expected]);
}

if (TEST_STORE !== 'neo4j') {
  describe.skip('SQLite / Neo4j parity on the demo network', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  describe('SQLite / Neo4j parity on the demo network', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copnet-parity-'));
    let sqlite: Side;
    let graph: Side;

    async function serve(store: Store): Promise<Side> {
      const services = createServices(store);
      const server = await startHttpServer(await buildCopnetSchema(), services, {
        port: 0,
        host: '127.0.0.1',
        maxBodyBytes: 5 * 1024 * 1024,
        log: () => undefined,
        // both sides answer as the local administrator: parity compares answers, not access rules
        authenticator: new Authenticator({ enabled: false, tokens: services.tokens }),
      });
      return {
        store,
        server,
        close: async () => {
          await server.stop();
          await services.close();
          await store.close();
        },
      };
    }

    beforeAll(async () => {
      const options = neo4jTestOptions();
      await wipeNeo4j(options);
      // SQLite gets the demo through the loader; Neo4j gets it from that file through migrate-store.
      const sqliteStore = openSqliteStore(join(dir, 'copnet.db'));
      expect(await loadDemoData(sqliteStore)).toEqual({ actors: 743, interactionsCreated: 49205, interactionsAlreadyPresent: 0 });
      await sqliteStore.upsertActors(UNICODE_ACTORS);
      await sqliteStore.close();
      expect(await runMigrateStore(join(dir, 'copnet.db'), options.uri)).toEqual([
        `migrate-store: copied 749 actors and 49205 interactions from SQLite ${join(dir, 'copnet.db')} to Neo4j ${options.uri}; already present: 0 actors, 0 interactions`,
      ]);
      sqlite = await serve(openSqliteStore(join(dir, 'copnet.db')));
      graph = await serve(await openNeo4jStore(options));
    }, 900_000);
    afterAll(async () => {
      await sqlite?.close();
      await graph?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function samePages(
      query: string,
      field: 'actors' | 'interactions',
      filter: Record<string, unknown>,
      first: number,
    ): Promise<Connection[]> {
      const expected = await allPages(sqlite.server.url, query, field, filter, first);
      const actual = await allPages(graph.server.url, query, field, filter, first);
      expect({ filter, pages: actual }).toEqual({ filter, pages: expected });
      return expected;
    }

    it('gives the same actor pages for every filter, across cursors', async () => {
      const [firstPage] = await samePages(ACTOR_PAGE, 'actors', {}, 100);
      expect(firstPage!.totalCount).toBe(749);
      const school = (await sqlite.store.listActors({ kinds: ['SCHOOL'] }, { first: 1, after: null })).items[0]!;
      const filters: Record<string, unknown>[] = [
        { kinds: ['SCHOOL'] },
        { kinds: ['INTERMEDIARY', 'SUPPORT_PARTNER', 'FOUNDATION'] },
        { region: school.region },
        { tag: school.tags[0] },
        { tag: 'unicode' },
        { kinds: ['SCHOOL'], region: school.region, tag: school.tags[school.tags.length - 1] },
        ...SEARCHES.map((search) => ({ search })),
        { search: 'high', kinds: ['SCHOOL'] },
      ];
      for (const filter of filters) await samePages(ACTOR_PAGE, 'actors', filter, 37);
      // The non-ASCII searches find what a case-insensitive search should, in both stores.
      const ids = async (search: string) =>
        (await allPages(graph.server.url, ACTOR_PAGE, 'actors', { search }, 100)).flatMap((p) =>
          p.edges.map((e) => (e as { node: { id: string } }).node.id),
        );
      expect(await ids('ÉCOLE')).toEqual(['u-ecole']);
      expect(await ids('οδος')).toEqual(['u-greek']);
      expect(await ids('łódź')).toEqual(['u-lodz']);
      expect(await ids('ｓｃｈｏｏｌ')).toEqual(['u-cjk']);
    });

    it('gives the same interaction pages for every filter and date range, across cursors', async () => {
      const schoolYear = { from: '2019-08-01T00:00:00Z', to: '2020-08-01T00:00:00Z' };
      const school = (await sqlite.store.listActors({ kinds: ['SCHOOL'] }, { first: 1, after: null })).items[0]!;
      const [first] = await samePages(INTERACTION_PAGE, 'interactions', schoolYear, 500);
      expect(first!.totalCount).toBe(4148);
      const filters: Record<string, unknown>[] = [
        { kinds: ['GRANT'] },
        { kinds: ['CONVENING', 'VIRTUAL_SESSION'], from: '2020-01-01T00:00:00Z', to: '2021-07-01T00:00:00Z' },
        { from: '2024-06-30T23:00:00+02:00', to: '2024-09-15T12:30:00.250Z' },
        { to: '2018-11-01T00:00:00Z' },
        { from: '2025-06-01T00:00:00Z' },
        { actorId: 'bmgf' },
        { actorId: school.id, kinds: ['SITE_VISIT', 'PEER_EXCHANGE', 'TECHNICAL_ASSISTANCE'] },
        { actorId: 'nsi-baltimore-city', from: '2019-01-01T00:00:00Z', to: '2021-01-01T00:00:00Z' },
      ];
      for (const filter of filters) await samePages(INTERACTION_PAGE, 'interactions', filter, 173);
      // Pages of 1 around instants shared by several interactions: the id breaks the tie the same way.
      await samePages(INTERACTION_PAGE, 'interactions', { from: '2019-09-01T00:00:00Z', to: '2019-09-20T00:00:00Z' }, 1);
    });

    it('gives the same school-year series of every network figure and the top actors, to 1e-9', async () => {
      const series = { from: '2018-08-01T00:00:00Z', to: '2025-08-01T00:00:00Z', step: 'SCHOOL_YEAR' };
      for (const scope of [null, { actorKinds: ['SCHOOL', 'INTERMEDIARY'] }, { interactionKinds: ['PEER_EXCHANGE', 'SITE_VISIT'] }]) {
        const expected = await postGraphql<{ networkMetricSeries: { snapshots: unknown[] } }>(`${sqlite.server.url}/graphql`, SERIES, {
          series,
          scope,
        });
        const actual = await postGraphql<{ networkMetricSeries: { snapshots: unknown[] } }>(`${graph.server.url}/graphql`, SERIES, {
          series,
          scope,
        });
        expect(expected.errors).toBeUndefined();
        expect(actual.errors).toBeUndefined();
        expect(expected.data!.networkMetricSeries.snapshots).toHaveLength(7);
        expectSameFigures(actual.data, expected.data);
      }
    });

    it('copies the demo network back from Neo4j to a new SQLite file with identical counts and contents', async () => {
      const back = join(dir, 'back.db');
      expect(await runMigrateStore(neo4jTestOptions().uri, back)).toEqual([
        `migrate-store: copied 749 actors and 49205 interactions from Neo4j ${neo4jTestOptions().uri} to SQLite ${back}; already present: 0 actors, 0 interactions`,
      ]);
      const copy = openSqliteStore(back);
      try {
        expect(await copy.countActors({})).toBe(749);
        expect(await copy.countInteractions({})).toBe(49205);
        expect(await storeContents(copy)).toEqual(await storeContents(sqlite.store));
      } finally {
        await copy.close();
      }
    });
  });
}
