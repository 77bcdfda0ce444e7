import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interaction } from '../../src/domain/interaction';
import type { Rating, Survey } from '../../src/domain/survey';
import type { Store } from '../../src/store/store';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { neo4jTestOptions, TEST_STORE, wipeNeo4j } from '../store/test-store';
import { MIGRATION_ACTORS as ACTORS, runMigrateStore, storeContents } from '../services/migrate-helpers';

/**
 * `copnet migrate-store` in both directions through a real Neo4j: a SQLite file goes to Neo4j and
 * back to a second SQLite file, and every actor and interaction (ids, instants to the millisecond,
 * weights, notes, participant order, affiliation chains and cycles, non-ASCII text) comes back the
 * same. The demo network makes the same round trip in parity.test.ts.
 */

const IDS = ACTORS.map((a) => a.id);

const INTERACTIONS: Interaction[] = Array.from({ length: 41 }, (_, n) => ({
  id: `i-${String(n).padStart(2, '0')}`,
  externalId: n % 3 === 0 ? `ext-${n}` : null,
  kind: n % 2 === 0 ? 'SITE_VISIT' : 'PEER_EXCHANGE',
  // Pairs share an instant (the id orders them); some before 1970, some with milliseconds.
  occurredAt: new Date(Date.UTC(1969, 11, 30) + Math.floor(n / 2) * 86_400_000 * 97 + (n % 5) * 123),
  initiatorId: IDS[n % IDS.length]!,
  participantIds: [IDS[(n + 3) % IDS.length]!, IDS[(n + 1) % IDS.length]!],
  weight: n % 4 === 0 ? 0.1 + n : n + 1,
  note: n % 4 === 0 ? `note ${n}: “quoted”, ünïcödé\nsecond line` : null,
}));

if (TEST_STORE !== 'neo4j') {
  describe.skip('migrate-store through Neo4j', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  describe('migrate-store through Neo4j', () => {
    const options = neo4jTestOptions();
    const dir = mkdtempSync(join(tmpdir(), 'copnet-migrate-neo4j-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('copies SQLite → Neo4j → SQLite with identical counts and contents, and nothing twice', async () => {
      await wipeNeo4j(options);
      const sourcePath = join(dir, 'source.db');
      const backPath = join(dir, 'back.db');
      const source = openSqliteStore(sourcePath);
      await source.upsertActors(ACTORS);
      await source.recordInteractions(INTERACTIONS);
      const original = await storeContents(source);
      await source.close();

      const sqlite = (path: string) => `SQLite ${path}`;
      const graph = `Neo4j ${options.uri}`;
      const counts = `${ACTORS.length} actors and ${INTERACTIONS.length} interactions`;
      expect(await runMigrateStore(sourcePath, options.uri)).toEqual([
        `migrate-store: copied ${counts} from ${sqlite(sourcePath)} to ${graph}; already present: 0 actors, 0 interactions`,
      ]);
      const neo4jStore = await openNeo4jStore(options);
      try {
        expect(await neo4jStore.countActors({})).toBe(ACTORS.length);
        expect(await neo4jStore.countInteractions({})).toBe(INTERACTIONS.length);
        expect(await storeContents(neo4jStore)).toEqual(original);
      } finally {
        await neo4jStore.close();
      }
      // A second run finds everything present and writes nothing.
      expect(await runMigrateStore(sourcePath, options.uri)).toEqual([
        `migrate-store: copied 0 actors and 0 interactions from ${sqlite(sourcePath)} to ${graph}; already present: ${ACTORS.length} actors, ${INTERACTIONS.length} interactions`,
      ]);

      expect(await runMigrateStore(options.uri, backPath)).toEqual([
        `migrate-store: copied ${counts} from ${graph} to ${sqlite(backPath)}; already present: 0 actors, 0 interactions`,
      ]);
      const back = openSqliteStore(backPath);
      try {
        expect(await back.countActors({})).toBe(ACTORS.length);
        expect(await back.countInteractions({})).toBe(INTERACTIONS.length);
        expect(await storeContents(back)).toEqual(original);
      } finally {
        await back.close();
      }
    });

    it('copies surveys with their ratings and closing SQLite → Neo4j → SQLite, and nothing twice (issue 23)', async () => {
      await wipeNeo4j(options);
      const sourcePath = join(dir, 'surveys.db');
      const backPath = join(dir, 'surveys-back.db');
      const author = { by: 'alice', at: new Date('2024-09-01T08:00:00.123Z') };
      const survey = (id: string, closesAt: Date | null): Survey => ({
        id,
        name: `Survey ${id} — “école”`,
        window: { from: new Date('2024-07-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') },
        rosterKinds: ['INTERMEDIARY', 'SCHOOL'],
        rosterIds: ['a-school', 'c-cycle', 'd-cycle', 'z-intermediary'],
        openedAt: author.at,
        openedBy: 'alice',
        closesAt,
        closedAt: null,
      });
      const rating = (partnerId: string, items: Partial<Rating>): Rating => ({
        partnerId,
        workedTogether: true,
        reliability: null,
        openness: null,
        sharedMission: null,
        influence: null,
        resources: null,
        involvement: null,
        ...items,
      });
      const source = openSqliteStore(sourcePath);
      await source.upsertActors(ACTORS);
      await source.surveys.createSurvey(survey('s-open', new Date('2025-06-30T00:00:00.001Z')), author);
      await source.surveys.createSurvey(survey('s-closed', null), author);
      const at = new Date('2024-10-01T10:00:00.456Z');
      await source.surveys.replaceRatings('s-open', 'c-cycle', [rating('d-cycle', { reliability: 4, involvement: 1 })], at, author);
      await source.surveys.replaceRatings(
        's-closed',
        'a-school',
        [rating('z-intermediary', { openness: 2 }), rating('c-cycle', { workedTogether: false })],
        at,
        author,
      );
      await source.surveys.closeSurvey('s-closed', new Date('2024-11-01T00:00:00.789Z'), author);
      const contents = async (store: Store) => {
        const surveys = await store.surveys.listSurveys();
        return { surveys, ratings: await Promise.all(surveys.map((s) => store.surveys.listRatings(s.id))) };
      };
      const original = await contents(source);
      await source.close();

      const tail = "; surveys: 2 copied, 0 already present; respondents' ratings: 2 copied, 0 already present";
      const first = (await runMigrateStore(sourcePath, options.uri))[0]!;
      expect(first.slice(-tail.length)).toBe(tail);
      const neo4jStore = await openNeo4jStore(options);
      try {
        expect(await contents(neo4jStore)).toEqual(original);
      } finally {
        await neo4jStore.close();
      }
      expect((await runMigrateStore(sourcePath, options.uri))[0]).toMatch(
        /; surveys: 0 copied, 2 already present; respondents' ratings: 0 copied, 2 already present$/,
      );
      await runMigrateStore(options.uri, backPath);
      const back = openSqliteStore(backPath);
      try {
        expect(await contents(back)).toEqual(original);
      } finally {
        await back.close();
      }
    });
  });
}
