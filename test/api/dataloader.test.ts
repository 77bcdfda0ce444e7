import { RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK });
  const ids = SMALL_NETWORK.map((a) => a.id);
  const interactions = Array.from({ length: 150 }, (_, i) => ({
    kind: 'PEER_EXCHANGE',
    occurredAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    initiatorId: ids[i % ids.length],
    participantIds: [ids[(i + 1) % ids.length], ids[(i + 3) % ids.length]],
  }));
  const result = await server.gql(RECORD_INTERACTIONS, { interactions });
  expect(result.errors).toBeUndefined();
});
afterAll(() => server.stop());

it('resolves the actors of a page of 100 interactions in a constant number of store calls', async () => {
  server.storeCalls.clear();
  const result = await server.gql<{
    interactions: {
      edges: {
        node: {
          initiator: { id: string; affiliation: { id: string } | null };
          participants: { id: string; affiliation: { id: string } | null }[];
        };
      }[];
    };
  }>(`{
    interactions(first: 100) {
      edges { node { initiator { id affiliation { id } } participants { id affiliation { id } } } }
    }
  }`);
  expect(result.data!.interactions.edges).toHaveLength(100);
  expect(result.data!.interactions.edges[0]!.node.initiator.id).toBe('bmgf');
  expect(result.data!.interactions.edges[4]!.node.initiator).toEqual({ id: 'school-douglass', affiliation: { id: 'nsi-baltimore' } });
  // One page read; one batched lookup for every initiator and participant. Their affiliations
  // are actors of that same batch, so the request's loader answers them from its cache.
  expect(Object.fromEntries(server.storeCalls)).toEqual({ listInteractions: 1, getActorsByIds: 1 });
});
