import neo4j, { type Driver, type Plan } from 'neo4j-driver';
import type { Actor } from '../../../src/domain/actor';
import type { Interaction } from '../../../src/domain/interaction';
import type { Scope } from '../../../src/domain/scope';
import { InteractionColumns } from '../../../src/projection/interaction-columns';
import { toNeo4jDateTime } from '../../../src/store/neo4j/conversions';
import { readStatement } from '../../../src/store/neo4j/cypher-files';
import { openNeo4jStore } from '../../../src/store/neo4j/neo4j-store';
import type { StatementParameters } from '../../../src/store/neo4j/statements';
import type { Store } from '../../../src/store/store';
import { neo4jTestOptions, TEST_STORE, wipeNeo4j } from '../test-store';

/**
 * Neo4jStore.readWindowInto (a series reading columns straight from the records) against
 * streamWindow on the real Neo4j: same interactions, same order, same actor table, for every
 * scope, over more than one fetch of records; hand-edited values get streamWindow's conversion
 * or its error. Runs under `npm run test:neo4j` (THE DATABASE AT NEO4J_URI IS WIPED).
 */

function actor(id: string, kind: Actor['kind']): Actor {
  return { id, name: id.toUpperCase(), kind, region: null, tags: [], affiliationId: null };
}

/** 12,001 interactions (more than one fetch of 10,000 records), three to a minute, so the order within a millisecond is the id's. */
function interactions(): Interaction[] {
  const kinds = ['CONVENING', 'PEER_EXCHANGE', 'SITE_VISIT'] as const;
  return Array.from({ length: 12_001 }, (_, i) => ({
    id: `i${(i * 7919) % 12_001}`,
    externalId: null,
    kind: kinds[i % 3]!,
    occurredAt: new Date(Date.UTC(2021, 0, 1) + Math.floor(i / 3) * 60_000),
    initiatorId: `a${i % 40}`,
    participantIds: i % 5 === 0 ? [`s${i % 11}`, `a${(i + 1) % 40}`] : [`s${i % 11}`],
    weight: 1 + (i % 4) / 4,
    note: 'n',
  }));
}

async function bothReads(store: Store, window: { from: Date; to: Date }, scope: Scope) {
  const raw = new InteractionColumns();
  await store.readWindowInto!(window, scope, raw);
  const streamed = new InteractionColumns();
  for await (const i of store.streamWindow(window, scope)) streamed.push(i);
  return { raw, streamed };
}

/** The columns of `from`..`to` as plain arrays (Jest compares those much faster than typed arrays). */
function columnsOf(columns: InteractionColumns, window: { from: Date; to: Date }) {
  const parts = columns.parts(window.from.getTime(), window.to.getTime());
  return Object.fromEntries(Object.entries(parts).map(([name, values]) => [name, Array.from(values as ArrayLike<unknown>)]));
}

const ALL = { from: new Date(Date.UTC(2020, 0, 1)), to: new Date(Date.UTC(2022, 0, 1)) };

if (TEST_STORE !== 'neo4j') {
  describe.skip('Neo4jStore.readWindowInto', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  describe('Neo4jStore.readWindowInto (a series reading columns from the records)', () => {
    const options = neo4jTestOptions();
    let store: Store;
    let admin: Driver;
    const adminQuery = (query: string, parameters: Record<string, unknown> = {}) =>
      admin.executeQuery(query, parameters, { database: options.database });

    beforeAll(async () => {
      admin = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
      await wipeNeo4j(options);
      store = await openNeo4jStore(options);
      await store.upsertActors([
        ...Array.from({ length: 40 }, (_, i) => actor(`a${i}`, 'INTERMEDIARY')),
        ...Array.from({ length: 11 }, (_, i) => actor(`s${i}`, 'SCHOOL')),
      ]);
      await store.recordInteractions(interactions());
      await store.deleteInteractions(['i5', 'i6000'], 'test', { by: 'test', at: new Date(Date.UTC(2022, 0, 1)) });
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await admin?.close();
    });

    it.each<[string, Scope]>([
      ['no scope', {}],
      ['interaction kinds', { interactionKinds: ['PEER_EXCHANGE', 'SITE_VISIT'] }],
      ['actor kinds', { actorKinds: ['SCHOOL'] }],
    ])('gives what streamWindow gives, in the same order (%s)', async (_name, scope) => {
      const window = { from: new Date(Date.UTC(2021, 0, 1, 2)), to: new Date(Date.UTC(2021, 0, 3, 12)) };
      const { raw, streamed } = await bothReads(store, window, scope);
      expect(raw.length).toBeGreaterThan(1000);
      expect(raw.length).toBe(streamed.length);
      expect(columnsOf(raw, window)).toEqual(columnsOf(streamed, window));
    });

    it('reads the whole log over more than one fetch, without the deleted, and nothing from an empty window', async () => {
      const { raw, streamed } = await bothReads(store, ALL, {});
      expect(raw.length).toBe(11_999);
      expect(columnsOf(raw, ALL)).toEqual(columnsOf(streamed, ALL));
      const empty = new InteractionColumns();
      await store.readWindowInto!({ from: new Date(Date.UTC(2019, 0, 1)), to: new Date(Date.UTC(2019, 1, 1)) }, {}, empty);
      expect(empty.length).toBe(0);
    });

    it('takes its order from the occurredAt index: a partial sort on the id within one instant, no full sort', async () => {
      const parameters = {
        fromInclusive: toNeo4jDateTime(ALL.from),
        toExclusive: toNeo4jDateTime(ALL.to),
        interactionKinds: null,
        actorKinds: null,
      } satisfies StatementParameters<'read-window-columns'>;
      const { summary } = await adminQuery(`EXPLAIN ${readStatement('read-window-columns')}`, parameters);
      const types = (function names(plan: Plan): string[] {
        return [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(names)];
      })(summary.plan as Plan);
      expect(types).toContain('NodeIndexSeekByRange');
      expect(types).toContain('PartialSort');
      expect(types).not.toContain('Sort');
    });

    it('converts a hand-edited integer weight as streamWindow does, and refuses a bad kind with its error', async () => {
      await adminQuery('MATCH (i:Interaction {id: $id}) SET i.weight = 3', { id: 'i7' });
      const { raw, streamed } = await bothReads(store, ALL, {});
      expect(columnsOf(raw, ALL)).toEqual(columnsOf(streamed, ALL));
      expect(columnsOf(streamed, ALL).weights!.filter((weight) => weight === 3)).toEqual([3]);

      await adminQuery("MATCH (i:Interaction {id: $id}) SET i.kind = 'PARTY'", { id: 'i8' });
      const message = '(:Interaction {id: "i8"}).kind: "PARTY" is not an interaction kind';
      await expect(store.readWindowInto!(ALL, {}, new InteractionColumns())).rejects.toThrow(message);
      await expect(bothReads(store, ALL, {})).rejects.toThrow(message);
      // The failed read left the store usable.
      const window = { from: new Date(Date.UTC(2021, 0, 1)), to: new Date(Date.UTC(2021, 0, 1, 0, 2)) };
      const after = new InteractionColumns();
      await store.readWindowInto!(window, {}, after);
      expect(after.length).toBe(6);
    });
  });
}
