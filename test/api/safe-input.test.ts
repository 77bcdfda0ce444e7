import { RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type GraphqlResponse, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const seeded = await server.gql(UPSERT_ACTORS, {
    actors: [
      { id: 'a', name: 'A', kind: 'INTERMEDIARY' },
      { id: 'b', name: 'B', kind: 'INTERMEDIARY' },
    ],
  });
  expect(seeded.errors).toBeUndefined();
});
afterAll(() => server.stop());

const actor = (fields: Record<string, unknown>) => ({ id: 'x', name: 'X', kind: 'SCHOOL', ...fields });
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

describe('text, weights and dates are checked at input, and nothing is written when refused', () => {
  it('refuses control characters in ids, so "nul\\u0000id" cannot collide with "nul\\uFFFDid" in XML', async () => {
    const refused = refusal(await server.gql(UPSERT_ACTORS, { actors: [actor({ id: 'nul\u0000id' })] }));
    expect(refused).toEqual({
      field: 'actors[0].id',
      message:
        'actors[0].id: "nul\\u0000id" contains the control character U+0000 at position 3; ids, names, tags and regions are one line of printable text',
    });
    const c1 = refusal(await server.gql(UPSERT_ACTORS, { actors: [actor({ name: 'next\u0085line' })] }));
    expect(c1.message).toContain('U+0085');
    const lone = refusal(await server.gql(UPSERT_ACTORS, { actors: [actor({ tags: ['ok', 'half \uD800'] })] }));
    expect(lone.field).toBe('actors[0].tags[1]');
    expect(lone.message).toContain('U+D800');
    const accepted = await server.gql(UPSERT_ACTORS, { actors: [actor({ id: 'nul\uFFFDid' })] });
    expect(accepted.errors).toBeUndefined();
    expect(await server.store.countActors({})).toBe(3);
  });

  it('refuses over-long ids, names, regions, notes and too many tags, with the value shortened', async () => {
    const longId = refusal(await server.gql(UPSERT_ACTORS, { actors: [actor({ id: 'i'.repeat(100_000) })] }));
    expect(longId.field).toBe('actors[0].id');
    expect(longId.message).toBe(`actors[0].id: "${'i'.repeat(116)}... is 100000 characters long; at most 200 are allowed`);
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors: [actor({ name: 'n'.repeat(501) })] })).field).toBe('actors[0].name');
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors: [actor({ region: 'r'.repeat(101) })] })).field).toBe('actors[0].region');
    const tags = Array.from({ length: 100 }, (_, i) => `tag-${i}`);
    expect(refusal(await server.gql(UPSERT_ACTORS, { actors: [actor({ tags })] })).message).toMatch(
      /^actors\[0\]\.tags: .* has 100 tags; at most 50 are allowed$/,
    );
    const note = refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ note: 'x'.repeat(10_001) })] }));
    expect(note.field).toBe('interactions[0].note');
    expect(await server.store.countActors({})).toBe(3);
    expect(await server.store.countInteractions({})).toBe(0);
  });

  it('keeps tabs and line breaks in notes but refuses other control characters there', async () => {
    const bell = refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ note: 'ring\u0007' })] }));
    expect(bell.message).toBe('interactions[0].note: "ring\\u0007" contains the control character U+0007 at position 4');
    const kept = await server.gql<{ recordInteractions: { note: string }[] }>(RECORD_INTERACTIONS, {
      interactions: [interaction({ externalId: 'multi-line', note: 'line 1\r\n\tline 2' })],
    });
    expect(kept.data?.recordInteractions[0]?.note).toBe('line 1\r\n\tline 2');
  });

  it('refuses weights over 1,000,000, so summed weights stay finite', async () => {
    const refused = refusal(
      await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ weight: 1e308 }), interaction({ weight: 1e308 })] }),
    );
    expect(refused).toEqual({
      field: 'interactions[0].weight',
      message: 'interactions[0].weight: 1e+308 is over the largest weight, 1,000,000',
    });
    const top = await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ externalId: 'heavy', weight: 1_000_000 })] });
    expect(top.errors).toBeUndefined();
  });

  it('accepts years 1900 to 9999 only, and counts calendar windows right at both ends', async () => {
    const early = refusal(await server.gql(RECORD_INTERACTIONS, { interactions: [interaction({ occurredAt: '0099-11-01' })] }));
    expect(early.message).toBe(
      'Variable "$interactions" got invalid value "0099-11-01" at "interactions[0].occurredAt"; "0099-11-01" is outside the years copnet accepts, 1900 to 9999 (UTC)',
    );
    const series = await server.gql(
      '{ networkMetricSeries(series: { from: "0099-11-01", to: "0100-03-01", step: MONTH }) { snapshots { density } } }',
    );
    expect(series.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(series.errors?.[0]?.message).toContain('outside the years copnet accepts');
    const ends = await server.gql<{
      a: { snapshots: { window: { from: string; to: string; label: string } }[] };
      b: { snapshots: { window: { label: string } }[] };
    }>(`{
      a: networkMetricSeries(series: { from: "1900-01-01", to: "1901-01-01", step: YEAR }) { snapshots { window { from to label } } }
      b: networkMetricSeries(series: { from: "9999-11-01", to: "9999-12-31T23:59:59Z", step: MONTH }) { snapshots { window { label } } }
    }`);
    expect(ends.errors).toBeUndefined();
    expect(ends.data?.a.snapshots).toEqual([
      { window: { from: '1900-01-01T00:00:00.000Z', to: '1901-01-01T00:00:00.000Z', label: '1900' } },
    ]);
    expect(ends.data?.b.snapshots.map((s) => s.window.label)).toEqual(['9999-11', '9999-12-01 to 9999-12-31']);
  });
});

describe('first: 0', () => {
  it('answers no edges and no next page, so a naive pager stops', async () => {
    const response = await server.gql<{ actors: unknown; interactions: unknown }>(`{
      actors(first: 0) { edges { cursor } pageInfo { hasNextPage endCursor } totalCount }
      interactions(first: 0) { edges { cursor } pageInfo { hasNextPage endCursor } totalCount }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      actors: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 3 },
      interactions: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 2 },
    });
  });
});
