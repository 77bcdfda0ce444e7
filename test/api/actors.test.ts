import { SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const result = await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK });
  expect(result.errors).toBeUndefined();
});
afterAll(() => server.stop());

describe('actors over GraphQL', () => {
  it('returns upserted actors as stored, in input order, with defaults filled', async () => {
    const result = await server.gql<{ upsertActors: unknown[] }>(UPSERT_ACTORS, {
      actors: [{ id: '  nsi-new ', name: 'New Network', kind: 'INTERMEDIARY', tags: ['a', 'a', 'b'] }],
    });
    expect(result.data?.upsertActors).toEqual([
      { id: 'nsi-new', name: 'New Network', kind: 'INTERMEDIARY', region: null, tags: ['a', 'b'], affiliationId: null },
    ]);
  });

  it('looks one actor up with its affiliation', async () => {
    const result = await server.gql(
      `{ actor(id: "school-douglass") { id name kind region affiliation { id name } } nobody: actor(id: "x") { id } }`,
    );
    expect(result.data).toEqual({
      actor: {
        id: 'school-douglass',
        name: 'Frederick Douglass High School',
        kind: 'SCHOOL',
        region: 'MD',
        affiliation: { id: 'nsi-baltimore', name: 'Baltimore City Public Schools' },
      },
      nobody: null,
    });
  });

  it('filters and pages through actors with a Relay connection', async () => {
    const query = `query Page($filter: ActorFilter, $first: Int, $after: String) {
      actors(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
    }`;
    type Page = {
      actors: {
        totalCount: number;
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const first = await server.gql<Page>(query, { filter: { kinds: ['INTERMEDIARY', 'SCHOOL'] }, first: 3 });
    expect(first.data?.actors.totalCount).toBe(6);
    expect(first.data?.actors.edges.map((e) => e.node.id)).toEqual(['nsi-baltimore', 'nsi-core', 'nsi-ifl']);
    expect(first.data?.actors.pageInfo.hasNextPage).toBe(true);
    expect(first.data?.actors.pageInfo.endCursor).toBe(first.data?.actors.edges[2]?.cursor);

    const second = await server.gql<Page>(query, {
      filter: { kinds: ['INTERMEDIARY', 'SCHOOL'] },
      first: 3,
      after: first.data?.actors.pageInfo.endCursor,
    });
    expect(second.data?.actors.edges.map((e) => e.node.id)).toEqual(['nsi-new', 'school-douglass', 'school-fresno']);
    expect(second.data?.actors.pageInfo).toEqual({ hasNextPage: false, endCursor: second.data?.actors.edges[2]?.cursor });

    const searched = await server.gql<Page>(query, { filter: { search: 'high school', region: 'CA' } });
    expect(searched.data?.actors.edges.map((e) => e.node.id)).toEqual(['school-fresno']);
    const tagged = await server.gql<Page>(query, { filter: { tag: 'district' } });
    expect(tagged.data?.actors.edges.map((e) => e.node.id)).toEqual(['nsi-baltimore']);
    const empty = await server.gql<Page>(query, { filter: { search: 'zzz' } });
    expect(empty.data?.actors).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('does not count when totalCount is not asked for', async () => {
    const before = server.storeCalls.get('countActors') ?? 0;
    await server.gql(`{ actors(first: 2) { edges { node { id } } } }`);
    expect(server.storeCalls.get('countActors') ?? 0).toBe(before);
  });
});
