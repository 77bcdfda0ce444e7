import { RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK });
});
afterAll(() => server.stop());

type Recorded = {
  recordInteractions: { id: string; externalId: string | null; occurredAt: string; weight: number; note: string | null }[];
};

describe('interactions over GraphQL', () => {
  it('records a batch, normalising dates to UTC and filling the default weight', async () => {
    const result = await server.gql<Recorded>(RECORD_INTERACTIONS, {
      interactions: [
        {
          externalId: 'seattle-2018',
          kind: 'CONVENING',
          occurredAt: '2018-10-16T09:00:00-07:00',
          initiatorId: 'bmgf',
          participantIds: ['nsi-baltimore', 'nsi-core', 'nsi-ifl'],
          note: 'Seattle',
        },
        { kind: 'SITE_VISIT', occurredAt: '2019-03-05', initiatorId: 'nsi-baltimore', participantIds: ['nsi-core'], weight: 2.5 },
      ],
    });
    expect(result.errors).toBeUndefined();
    const [convening, visit] = result.data!.recordInteractions;
    expect(convening).toMatchObject({ externalId: 'seattle-2018', occurredAt: '2018-10-16T16:00:00.000Z', weight: 1, note: 'Seattle' });
    expect(visit).toMatchObject({ externalId: null, occurredAt: '2019-03-05T00:00:00.000Z', weight: 2.5, note: null });
    expect(convening!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the stored interaction when an externalId is recorded again, without a duplicate', async () => {
    const again = await server.gql<Recorded>(RECORD_INTERACTIONS, {
      interactions: [
        {
          externalId: 'seattle-2018',
          kind: 'GRANT',
          occurredAt: '2020-01-01T00:00:00Z',
          initiatorId: 'bmgf',
          participantIds: ['nsi-core'],
        },
      ],
    });
    expect(again.data!.recordInteractions[0]).toMatchObject({ externalId: 'seattle-2018', occurredAt: '2018-10-16T16:00:00.000Z' });
    const count = await server.gql<{ interactions: { totalCount: number } }>(
      `{ interactions(filter: { kinds: [CONVENING, GRANT] }) { totalCount } }`,
    );
    expect(count.data!.interactions.totalCount).toBe(1);
  });

  it('resolves initiator and participants, filters by window and actor, and pages', async () => {
    await server.gql(RECORD_INTERACTIONS, {
      interactions: [
        { kind: 'PEER_EXCHANGE', occurredAt: '2019-03-06T00:00:00Z', initiatorId: 'school-douglass', participantIds: ['school-fresno'] },
        {
          kind: 'TECHNICAL_ASSISTANCE',
          occurredAt: '2019-05-01T12:00:00Z',
          initiatorId: 'sp-learning-forward',
          participantIds: ['nsi-ifl'],
        },
      ],
    });
    const query = `query($filter: InteractionFilter, $after: String) {
      interactions(filter: $filter, first: 2, after: $after) {
        totalCount
        edges { node { kind occurredAt initiator { id } participants { id kind } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Result = {
      interactions: {
        totalCount: number;
        edges: { node: { kind: string; occurredAt: string; initiator: { id: string }; participants: { id: string }[] } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const window = { from: '2019-01-01T00:00:00Z', to: '2019-05-01T12:00:00Z' };
    const page1 = await server.gql<Result>(query, { filter: window });
    expect(page1.data!.interactions.totalCount).toBe(2);
    expect(page1.data!.interactions.edges.map((e) => [e.node.kind, e.node.initiator.id, e.node.participants.map((p) => p.id)])).toEqual([
      ['SITE_VISIT', 'nsi-baltimore', ['nsi-core']],
      ['PEER_EXCHANGE', 'school-douglass', ['school-fresno']],
    ]);
    const all = await server.gql<Result>(query, { filter: { actorId: 'nsi-ifl' } });
    expect(all.data!.interactions.edges.map((e) => e.node.kind)).toEqual(['CONVENING', 'TECHNICAL_ASSISTANCE']);
    const next = await server.gql<Result>(query, { after: page1.data!.interactions.pageInfo.endCursor });
    expect(next.data!.interactions.edges.map((e) => e.node.kind)).toEqual(['TECHNICAL_ASSISTANCE']);
    expect(next.data!.interactions.pageInfo.hasNextPage).toBe(false);
  });

  it("pages an actor's own interactions", async () => {
    const result = await server.gql<{ actor: { interactions: { totalCount: number; edges: { node: { kind: string } }[] } } }>(
      `{ actor(id: "nsi-core") { interactions(filter: { kinds: [SITE_VISIT, CONVENING] }) { totalCount edges { node { kind } } } } }`,
    );
    expect(result.data!.actor.interactions).toEqual({
      totalCount: 2,
      edges: [{ node: { kind: 'CONVENING' } }, { node: { kind: 'SITE_VISIT' } }],
    });
  });
});
