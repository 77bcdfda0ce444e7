import neo4j, { type Driver } from 'neo4j-driver';
import type { Actor } from '../../src/domain/actor';
import { migrationNames } from '../../src/store/neo4j/migrations';
import { openNeo4jStore, type Neo4jStoreOptions } from '../../src/store/neo4j/neo4j-store';
import type { Store } from '../../src/store/store';
import { defineStoreContract } from './store-contract';
import { defineCorrectionContract } from './store-contract-corrections';
import { defineSurveyStoreContract } from './survey-store-contract';
import { neo4jTestOptions, TEST_STORE, wipeNeo4j } from './test-store';

/**
 * The store contract on Neo4j, plus what only the graph shows (labels, relationships). Runs under
 * `npm run test:neo4j` (COPNET_TEST_STORE=neo4j, NEO4J_URI set by it or by you). Every test
 * starts from an empty database: THE DATABASE AT NEO4J_URI IS WIPED (test/store/test-store.ts
 * refuses if it holds nodes that are not copnet's).
 */

if (TEST_STORE !== 'neo4j') {
  describe.skip('Store contract: neo4j', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  const options: Neo4jStoreOptions = neo4jTestOptions();
  let admin: Driver;

  const adminQuery = async (query: string, parameters: Record<string, unknown> = {}) => {
    const { records } = await admin.executeQuery(query, parameters, { database: options.database });
    return records;
  };

  beforeAll(async () => {
    admin = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
    await admin.verifyConnectivity({ database: options.database }); // fail fast, not after 30 s of retries
  });
  afterAll(async () => {
    await admin?.close();
  });

  const openEmptyStore = async (): Promise<Store> => {
    await wipeNeo4j(options);
    return openNeo4jStore(options);
  };

  defineStoreContract('neo4j', openEmptyStore);
  defineCorrectionContract('neo4j', openEmptyStore);
  defineSurveyStoreContract('neo4j', openEmptyStore);

  describe('Neo4j graph model, as analysts query it', () => {
    let store: Store;
    beforeEach(async () => {
      store = await openEmptyStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const intermediary: Actor = {
      id: 'nsi-baltimore',
      name: 'Baltimore City',
      kind: 'INTERMEDIARY',
      region: 'MD',
      tags: [],
      affiliationId: null,
    };
    const other: Actor = { id: 'nsi-core', name: 'CORE Districts', kind: 'INTERMEDIARY', region: 'CA', tags: [], affiliationId: null };
    const school: Actor = { id: 'school-a', name: 'School A', kind: 'SCHOOL', region: 'MD', tags: ['x'], affiliationId: 'nsi-baltimore' };

    it('labels each actor with its kind and moves the label when the kind changes', async () => {
      await store.upsertActors([intermediary, school]);
      const labels = async (id: string) =>
        ((await adminQuery('MATCH (a:Actor {id: $id}) RETURN labels(a) AS labels', { id }))[0]?.get('labels') as string[]).sort();
      expect(await labels('school-a')).toEqual(['Actor', 'School']);
      await store.upsertActors([{ ...school, kind: 'SUPPORT_PARTNER', affiliationId: null }]);
      expect(await labels('school-a')).toEqual(['Actor', 'SupportPartner']);
    });

    it('keeps one AFFILIATED_WITH relationship per actor, moved or removed on upsert', async () => {
      await store.upsertActors([intermediary, other, school]);
      const targets = async () =>
        (await adminQuery('MATCH (:School {id: $id})-[:AFFILIATED_WITH]->(t:Intermediary) RETURN t.id AS id', { id: 'school-a' })).map(
          (r) => r.get('id'),
        );
      expect(await targets()).toEqual(['nsi-baltimore']);
      await store.upsertActors([{ ...school, affiliationId: 'nsi-core' }]);
      expect(await targets()).toEqual(['nsi-core']);
      await store.upsertActors([{ ...school, affiliationId: null }]);
      expect(await targets()).toEqual([]);
    });

    it('stores interactions as nodes with INITIATED and ordered INVOLVED relationships and a UTC DATETIME', async () => {
      await store.upsertActors([intermediary, other, school]);
      await store.recordInteractions([
        {
          id: 'i-1',
          externalId: null,
          kind: 'SITE_VISIT',
          occurredAt: new Date('2019-03-05T15:00:00.250Z'),
          initiatorId: 'school-a',
          participantIds: ['nsi-core', 'nsi-baltimore'],
          weight: 1,
          note: null,
        },
      ]);
      const [row] = await adminQuery(
        `MATCH (:School {id: 'school-a'})-[:INITIATED]->(i:Interaction {id: 'i-1'})-[r:INVOLVED]->(p:Actor)
         WITH i, p ORDER BY r.position
         RETURN i.occurredAt.epochMillis AS ms, i.occurredAt.offsetSeconds AS offset, collect(p.id) AS participants, i.externalId IS NULL AS noExternalId`,
      );
      expect(Number(row?.get('ms'))).toBe(Date.parse('2019-03-05T15:00:00.250Z'));
      expect(Number(row?.get('offset'))).toBe(0);
      expect(row?.get('participants')).toEqual(['nsi-core', 'nsi-baltimore']);
      expect(row?.get('noExternalId')).toBe(true);
    });

    const writeAsOlderCopnet = () =>
      // As an older copnet wrote it: relationships only, participants created out of order.
      adminQuery(
        `MATCH (s:Actor {id: 'school-a'}), (a:Actor {id: 'nsi-core'}), (b:Actor {id: 'nsi-baltimore'})
         CREATE (s)-[:INITIATED]->(i:Interaction {id: 'old-1', kind: 'OTHER', occurredAt: datetime('2019-03-05T15:00:00.250Z'), weight: 2.0})
         CREATE (i)-[:INVOLVED {position: 1}]->(b)
         CREATE (i)-[:INVOLVED {position: 0}]->(a)`,
      );

    it('records the migrations it applied, once: the next start runs none, so it does not rescan the interactions', async () => {
      const [record] = await adminQuery(`MATCH (m:CopnetMeta {id: 'migrations'}) RETURN m.applied AS applied`);
      expect(record?.get('applied')).toEqual(migrationNames());
      expect(migrationNames()).toContain('copy-interaction-actors');
      await store.upsertActors([intermediary, other, school]);
      await writeAsOlderCopnet();
      const again = await openNeo4jStore(options);
      await again.close();
      // The copy migration is recorded: it did not run again (a database written by an older copnet has no record).
      const [old] = await adminQuery(`MATCH (i:Interaction {id: 'old-1'}) RETURN i.participantIds AS participantIds`);
      expect(old?.get('participantIds')).toBeNull();
      const [after] = await adminQuery(`MATCH (m:CopnetMeta {id: 'migrations'}) RETURN m.applied AS applied`);
      expect(after?.get('applied')).toEqual(migrationNames());
    });

    it('gives interactions stored before nodes kept copies of their actors those copies at the first start that has the record', async () => {
      await store.upsertActors([intermediary, other, school]);
      await writeAsOlderCopnet();
      // A database from before the record of migrations.
      await adminQuery(`MATCH (m:CopnetMeta {id: 'migrations'}) DELETE m`);
      const again = await openNeo4jStore(options);
      try {
        expect(await again.getInteractionsByIds(['old-1'])).toEqual([
          {
            id: 'old-1',
            externalId: null,
            kind: 'OTHER',
            occurredAt: new Date('2019-03-05T15:00:00.250Z'),
            initiatorId: 'school-a',
            participantIds: ['nsi-core', 'nsi-baltimore'],
            weight: 2,
            note: null,
          },
        ]);
      } finally {
        await again.close();
      }
    });

    it('opens again without error, its constraints and indexes in place', async () => {
      const again = await openNeo4jStore(options);
      await again.close();
      const names = (await adminQuery('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name')).map((r) => r.get('name'));
      expect(names).toEqual(
        expect.arrayContaining(['actor_id_unique', 'copnet_meta_id_unique', 'interaction_external_id_unique', 'interaction_id_unique']),
      );
      const indexes = (await adminQuery("SHOW INDEXES YIELD name WHERE name = 'interaction_occurred_at' RETURN name")).length;
      expect(indexes).toBe(1);
    });
  });
}
