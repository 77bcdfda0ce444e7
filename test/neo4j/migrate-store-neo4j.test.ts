import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interaction } from '../../src/domain/interaction';
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
  });
}
