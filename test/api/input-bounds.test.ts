import { RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type GraphqlResponse, type TestServer } from './harness';

/**
 * Issue 19, items 2, 3, 4 and 16: every list a client controls is bounded before any per-item
 * work, a mutation carries at most 500 items, and ids and names cannot hide characters.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const seeded = await server.gql(UPSERT_ACTORS, {
    actors: [
      { id: 'a', name: 'A', kind: 'INTERMEDIARY' },
      { id: 'b', name: 'B', kind: 'INTERMEDIARY' },
      { id: 'bmgf', name: 'Bill & Melinda Gates Foundation', kind: 'FOUNDATION' },
    ],
  });
  expect(seeded.errors).toBeUndefined();
});
afterAll(() => server.stop());

const interaction = (fields: Record<string, unknown>) => ({
  kind: 'PEER_EXCHANGE',
  occurredAt: '2020-01-01T00:00:00Z',
  initiatorId: 'a',
  participantIds: ['b'],
  ...fields,
});

function refusal(response: GraphqlResponse): { field: unknown; message: string } {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
  return { field: error!.extensions?.field, message: error!.message };
}

describe('lists are bounded before any per-item work (items 2 and 3)', () => {
  it('refuses 1,001 distinct participants by their count, before the duplicate and the actor checks', async () => {
    const participantIds = Array.from({ length: 1_001 }, (_, i) => `p${i}`);
    const refused = refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ participantIds })] }));
    expect(refused).toEqual({
      field: 'interactions[0].participantIds',
      message: 'interactions[0].participantIds: "1,001 ids" is over the most participants one interaction may name, 1,000',
    });
    expect(await server.store.countInteractions({})).toBe(0);
  });

  it('still finds a participant listed twice among many, and accepts 1,000 distinct ones', async () => {
    const many = Array.from({ length: 998 }, (_, i) => `p${i}`);
    const twice = refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ participantIds: ['b', ...many, 'b'] })] }));
    expect(twice).toEqual({
      field: 'interactions[0].participantIds[999]',
      message: 'interactions[0].participantIds[999]: "b" is listed twice',
    });
    const unknown = refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ participantIds: ['b', ...many] })] }));
    expect(unknown.message).toBe('interactions[0].participantIds[1]: "p0" is not a known actor');
  });

  it('refuses 201 tags by the length of the list, and drops repeats of up to 200 entries', async () => {
    const tags = Array.from({ length: 201 }, (_, i) => `tag-${i}`);
    const refused = refusal(await server.gql(UPSERT_ACTORS, { actors: [{ id: 'x', name: 'X', kind: 'SCHOOL', tags }] }));
    expect(refused).toEqual({
      field: 'actors[0].tags',
      message: 'actors[0].tags: "201 entries" is over the 200 entries a tags list may hold (at most 50 distinct tags are allowed)',
    });
    const repeated = Array.from({ length: 200 }, (_, i) => `tag-${i % 3}`);
    const accepted = await server.gql<{ upsertActors: { tags: string[] }[] }>(UPSERT_ACTORS, {
      actors: [{ id: 'tagged', name: 'Tagged', kind: 'SCHOOL', tags: repeated }],
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.upsertActors[0]!.tags).toEqual(['tag-0', 'tag-1', 'tag-2']);
  });
});

describe('lists in variables are measured before graphql-js coerces them (items 2, 3 and 4)', () => {
  it('refuses 100,000 participants, 100,000 tags and 45,000 actors from their lengths alone, naming the variable path', async () => {
    const actorsBefore = await server.store.countActors({});
    const participantIds = Array.from({ length: 100_000 }, (_, i) => `p${i}`);
    expect(refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ participantIds })] }))).toEqual({
      field: '$interactions[0].participantIds',
      message:
        '$interactions[0].participantIds: "100,000 items" is over the most items a list in a request may hold, 2,000; import larger sets with copnet import',
    });
    const tags = Array.from({ length: 100_000 }, (_, i) => `tag-${i}`);
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors: [{ id: 'x', name: 'X', kind: 'SCHOOL', tags }] }))).toEqual({
      field: '$actors[0].tags',
      message:
        '$actors[0].tags: "100,000 items" is over the most items a list in a request may hold, 2,000; import larger sets with copnet import',
    });
    const actors = Array.from({ length: 45_000 }, (_, i) => ({ id: `n${i}`, name: `New ${i}`, kind: 'SCHOOL' }));
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors }))).toEqual({
      field: '$actors',
      message: '$actors: "45,000 items" is over the most items a list in a request may hold, 2,000; import larger sets with copnet import',
    });
    expect(await server.store.countInteractions({})).toBe(0);
    expect(await server.store.countActors({})).toBe(actorsBefore);
  });
});

describe('a persisted query (its hash only) gets the same bound on its variables', () => {
  it('refuses 45,000 actors sent with a persisted query hash and no query text, writing nothing', async () => {
    const actorsBefore = await server.store.countActors({});
    const actors = Array.from({ length: 45_000 }, (_, i) => ({ id: `p${i}`, name: `Persisted ${i}`, kind: 'SCHOOL' }));
    const response = await server.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { actors },
        extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphqlResponse<unknown>;
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message])).toEqual([
      [
        'BAD_USER_INPUT',
        '$actors',
        '$actors: "45,000 items" is over the most items a list in a request may hold, 2,000; import larger sets with copnet import',
      ],
    ]);
    expect(await server.store.countActors({})).toBe(actorsBefore);
  });
});

describe('a mutation carries at most 500 items (item 4)', () => {
  it('refuses 501 actors, 501 interactions and 501 ids before validating any of them', async () => {
    // Item 600 is invalid too: the count is refused first, whatever the items hold.
    const actors = Array.from({ length: 600 }, (_, i) => ({ id: `bulk-${i}`, name: i === 599 ? '' : `Bulk ${i}`, kind: 'SCHOOL' }));
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors: actors.slice(0, 501) }))).toEqual({
      field: 'actors',
      message:
        'actors: "501 items" is over the most one mutation may carry, 500; send several mutations, or import files with `copnet import`',
    });
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors })).message).toMatch(/^actors: "600 items" is over/);
    const interactions = Array.from({ length: 501 }, (_, i) => interaction({ externalId: `bulk-${i}` }));
    expect(refusal(await server.gql(RECORD_INTERACTIONS, { interactions })).message).toMatch(
      /^interactions: "501 items" is over the most one mutation may carry, 500;/,
    );
    const ids = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    const deleted = await server.gql(`mutation($ids: [ID!]!) { deleteInteractions(ids: $ids, reason: "bulk") { id } }`, { ids });
    expect(refusal(deleted).message).toMatch(/^ids: "501 items" is over the most one mutation may carry, 500;/);
    expect(await server.store.countActors({})).toBe(4);
  });

  it('takes exactly 500', async () => {
    const actors = Array.from({ length: 500 }, (_, i) => ({ id: `bulk-${i}`, name: `Bulk ${i}`, kind: 'SCHOOL' }));
    const accepted = await server.gql<{ upsertActors: unknown[] }>(UPSERT_ACTORS, { actors });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.upsertActors).toHaveLength(500);
  });
});

describe('ids and names cannot hide characters; text is stored in NFC (item 16)', () => {
  it('refuses a zero-width space in an id, so no twin of "bmgf" can look identical', async () => {
    const twin = { id: 'bmgf\u200b', name: 'Bill & Melinda Gates Foundation', kind: 'FOUNDATION' };
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors: [twin] }))).toEqual({
      field: 'actors[0].id',
      message:
        'actors[0].id: "bmgf\u200b" contains the invisible character U+200B at position 4; an id may not hold characters that show nothing',
    });
    for (const hidden of ['\ufeff', '\u2060', '\u00ad', '\u{e0041}']) {
      expect(refusal(await server.gql(UPSERT_ACTORS, { actors: [{ ...twin, id: `bm${hidden}gf` }] })).field).toBe('actors[0].id');
    }
    const participant = refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ participantIds: ['b\u200c'] })] }));
    expect(participant.field).toBe('interactions[0].participantIds[0]');
  });

  it('refuses a name that shows nothing (only a zero-width space, a combining mark or a joiner)', async () => {
    for (const [name, code] of [
      ['\u200b', 'U+200B'],
      ['\u0301', 'U+0301'],
      ['\u200d\u200d', 'U+200D'],
    ] as const) {
      expect([code, refusal(await server.gql(UPSERT_ACTORS, { actors: [{ id: 'blank-name', name, kind: 'SCHOOL' }] }))]).toEqual([
        code,
        {
          field: 'actors[0].name',
          message: `actors[0].name: ${JSON.stringify(name)} shows nothing: it needs at least one visible character`,
        },
      ]);
    }
  });

  it('refuses direction controls in ids and names, so "h-rtl-\\u202egnp.exe" cannot pose as h-rtl-exe.png', async () => {
    const id = refusal(await server.gql(UPSERT_ACTORS, { actors: [{ id: 'h-rtl-\u202egnp.exe', name: 'R', kind: 'SCHOOL' }] }));
    expect(id).toEqual({
      field: 'actors[0].id',
      message:
        'actors[0].id: "h-rtl-\u202egnp.exe" contains the direction control character U+202E at position 6; ids, names, tags and regions may not reorder how they display',
    });
    const name = refusal(await server.gql(UPSERT_ACTORS, { actors: [{ id: 'rtl', name: 'School \u2067x\u2069', kind: 'SCHOOL' }] }));
    expect(name.field).toBe('actors[0].name');
    expect(name.message).toContain('U+2067 at position 7');
    // Joiners stay allowed in names (emoji and several scripts need them).
    const joined = await server.gql(UPSERT_ACTORS, { actors: [{ id: 'family', name: 'Family \u{1F468}\u200d\u{1F469}', kind: 'SCHOOL' }] });
    expect(joined.errors).toBeUndefined();
    expect(await server.store.countActors({})).toBe(505);
  });

  it('stores ids, names and tags in NFC: e + U+0301 and U+00E9 are one actor', async () => {
    const decomposed = { id: 'cafe\u0301', name: 'Cafe\u0301 School', kind: 'SCHOOL', tags: ['re\u0301seau'], region: 'Qu\u0065\u0301bec' };
    const written = await server.gql<{ upsertActors: { id: string; name: string; tags: string[]; region: string }[] }>(UPSERT_ACTORS, {
      actors: [decomposed],
    });
    expect(written.errors).toBeUndefined();
    expect(written.data!.upsertActors[0]).toMatchObject({
      id: 'caf\u00e9',
      name: 'Caf\u00e9 School',
      tags: ['r\u00e9seau'],
      region: 'Qu\u00e9bec',
    });
    const again = await server.gql(UPSERT_ACTORS, { actors: [{ ...decomposed, id: 'caf\u00e9' }] });
    expect(again.errors).toBeUndefined();
    expect(await server.store.countActors({})).toBe(506);
    const recorded = await server.gql<{ recordInteractions: { participantIds: string[] }[] }>(RECORD_INTERACTIONS, {
      interactions: [interaction({ participantIds: ['cafe\u0301'] })],
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordInteractions[0]!.participantIds).toEqual(['caf\u00e9']);
  });

  it('reads in NFC too: the decomposed spelling finds what was stored precomposed', async () => {
    const found = await server.gql<Record<string, unknown>>(
      `query($id: ID!, $tag: String!, $region: String!, $search: String!) {
        actor(id: $id) { id }
        byTag: actors(filter: { tag: $tag }) { totalCount }
        byRegion: actors(filter: { region: $region }) { totalCount }
        bySearch: actors(filter: { search: $search }) { totalCount }
        interactions(filter: { actorId: $id }) { totalCount }
        auditLog(filter: { actorId: $id }) { edges { node { action } } }
        suggestedIntroductions(actorId: $id, window: { from: "2019-01-01", to: "2019-02-01" }) { actor { id } }
      }`,
      { id: 'cafe\u0301', tag: 're\u0301seau', region: 'Que\u0301bec', search: 'cafe\u0301 s' },
    );
    expect(found).toEqual({
      status: 200,
      data: {
        actor: { id: 'caf\u00e9' },
        byTag: { totalCount: 1 },
        byRegion: { totalCount: 1 },
        bySearch: { totalCount: 1 },
        interactions: { totalCount: 1 },
        auditLog: { edges: [{ node: { action: 'CREATE' } }] },
        suggestedIntroductions: [],
      },
    });
  });
});

describe("a request's variables hold at most 30,000 values in all", () => {
  it('refuses 500 interactions of 380 participants each, every list within its own limit, writing nothing', async () => {
    const before = await server.store.countInteractions({});
    const participantIds = ['b', ...Array.from({ length: 379 }, (_, i) => `p${i}`)];
    const response = await server.gql(RECORD_INTERACTIONS, {
      interactions: Array.from({ length: 500 }, () => interaction({ participantIds })),
    });
    expect([response.status, response.errors]).toEqual([
      400,
      [
        {
          message:
            '$interactions: "more than 30,000 values" is over the most a request\'s variables may hold together; send several mutations, or import files with copnet import',
          extensions: { code: 'BAD_USER_INPUT', field: '$interactions', limit: 30000, actual: null },
        },
      ],
    ]);
    expect(await server.store.countInteractions({})).toBe(before);
  });

  it('lets the largest upsert the other limits allow through: 500 actors with 50 tags each', async () => {
    // Last in this file: the tests before it count its actors.
    const actors = Array.from({ length: 500 }, (_, i) => ({
      id: `tagged-${i}`,
      name: `Tagged ${i}`,
      kind: 'SCHOOL',
      region: 'TX',
      tags: Array.from({ length: 50 }, (_, t) => `t${t}`),
    }));
    const response = await server.gql<{ upsertActors: unknown[] }>(UPSERT_ACTORS, { actors });
    expect([response.errors, response.data?.upsertActors.length]).toEqual([undefined, 500]);
  });
});
