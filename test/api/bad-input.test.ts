import { RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type GraphqlResponse, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK });
});
afterAll(() => server.stop());

const good = { kind: 'SITE_VISIT', occurredAt: '2019-03-05T10:00:00Z', initiatorId: 'nsi-baltimore', participantIds: ['nsi-core'] };

async function counts() {
  const result = await server.gql<{ actors: { totalCount: number }; interactions: { totalCount: number } }>(
    `{ actors { totalCount } interactions { totalCount } }`,
  );
  return result.data!;
}

/** The one error, its code and message; and the store unchanged. */
async function expectRejected(response: Promise<GraphqlResponse>, message: string, field?: string) {
  const before = await counts();
  const result = await response;
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors![0]!.message).toBe(message);
  if (field) expect(result.errors![0]!.extensions?.field).toBe(field);
  expect(await counts()).toEqual(before);
}

describe('bad input is rejected whole, named, and the server keeps serving', () => {
  it('an unknown participant in a batch with good interactions', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [good, good, { ...good, participantIds: ['nsi-core', 'nsi-atlantis'] }] }),
      'interactions[2].participantIds[1]: "nsi-atlantis" is not a known actor',
      'interactions[2].participantIds[1]',
    );
  });

  it('an unknown initiator', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, initiatorId: 'ghost' }] }),
      'interactions[0].initiatorId: "ghost" is not a known actor',
      'interactions[0].initiatorId',
    );
  });

  it('participants that include the initiator', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [good, { ...good, participantIds: ['nsi-core', 'nsi-baltimore'] }] }),
      'interactions[1].participantIds[1]: "nsi-baltimore" is the initiator; participants are the other actors',
      'interactions[1].participantIds[1]',
    );
  });

  it('empty participants', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, participantIds: [] }] }),
      'interactions[0].participantIds: [] must name at least one participant',
      'interactions[0].participantIds',
    );
  });

  it('a date that is not ISO 8601, as a variable and as a literal', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [good, { ...good, occurredAt: '03/05/2019' }] }),
      'Variable "$interactions" got invalid value "03/05/2019" at "interactions[1].occurredAt"; "03/05/2019" is not an ISO 8601 date-time (e.g. 2019-02-12T09:00:00Z)',
      'interactions[1].occurredAt',
    );
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, occurredAt: '2019-02-30T10:00:00Z' }] }),
      'Variable "$interactions" got invalid value "2019-02-30T10:00:00Z" at "interactions[0].occurredAt"; "2019-02-30T10:00:00Z" is not a real calendar date-time',
    );
    await expectRejected(
      server.gql(
        `mutation { recordInteractions(interactions: [{ kind: SITE_VISIT, occurredAt: "yesterday", initiatorId: "nsi-baltimore", participantIds: ["nsi-core"] }]) { id } }`,
      ),
      'interactions[0].occurredAt: Expected value of type "DateTime!", found "yesterday"; "yesterday" is not an ISO 8601 date-time (e.g. 2019-02-12T09:00:00Z)',
      'interactions[0].occurredAt',
    );
  });

  it('a missing variable, and a value whose text looks like a path, each naming the field', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, {}),
      'Variable "$interactions" of required type "[InteractionInput!]!" was not provided.',
      'interactions',
    );
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, kind: 'X" at "interactions[9].kind"; ' }] }),
      'Variable "$interactions" got invalid value "X\\" at \\"interactions[9].kind\\"; " at "interactions[0].kind"; Value "X" at "interactions[9].kind"; " does not exist in "InteractionKind" enum.',
      'interactions[0].kind',
    );
  });

  it('a date-time with a byte order mark, an ideographic space or a line break around it (spaces and tabs are forgiven)', async () => {
    const WINDOW = `query($from: DateTime!) { networkMetrics(window: { from: $from, to: "2020-08-01T00:00:00Z" }) { actorCount } }`;
    for (const from of ['\ufeff2019-08-01', '\u30002019-08-01', '\n2019-08-01', '2019-08-01\r']) {
      const response = await server.gql(WINDOW, { from });
      expect(response.errors?.map((e) => [e.message, e.extensions])).toEqual([
        [
          `Variable "$from" got invalid value ${JSON.stringify(from)}; ${JSON.stringify(from)} is not an ISO 8601 date-time (e.g. 2019-02-12T09:00:00Z)`,
          { code: 'BAD_USER_INPUT', field: 'from' },
        ],
      ]);
    }
    for (const from of [' 2019-08-01', '2019-08-01\t ']) {
      expect((await server.gql(WINDOW, { from })).errors).toBeUndefined();
    }
  });

  it('a date-time without an offset', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, occurredAt: '2019-03-05T10:00:00' }] }),
      'Variable "$interactions" got invalid value "2019-03-05T10:00:00" at "interactions[0].occurredAt"; "2019-03-05T10:00:00" has a time but no offset; add Z for UTC or ±hh:mm',
    );
  });

  it('the last instant copnet accepts, which no window could hold', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, occurredAt: '9999-12-31T23:59:59.999Z' }] }),
      'interactions[0].occurredAt: 9999-12-31T23:59:59.999Z is the last instant copnet accepts: no window could hold it (windows end before their to)',
      'interactions[0].occurredAt',
    );
  });

  it('a non-positive or non-finite weight', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, weight: 0 }] }),
      'interactions[0].weight: 0 must be a positive finite number',
      'interactions[0].weight',
    );
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, weight: -2 }] }),
      'interactions[0].weight: -2 must be a positive finite number',
    );
    // JSON has no Infinity: a huge literal overflows to it.
    await expectRejected(
      server.gql(
        `mutation { recordInteractions(interactions: [{ kind: SITE_VISIT, occurredAt: "2019-03-05T10:00:00Z", initiatorId: "nsi-baltimore", participantIds: ["nsi-core"], weight: 1e400 }]) { id } }`,
      ),
      'interactions[0].weight: Infinity must be a positive finite number',
      'interactions[0].weight',
    );
  });

  it('an unknown enum value, as a variable and as a literal', async () => {
    await expectRejected(
      server.gql(RECORD_INTERACTIONS, { interactions: [{ ...good, kind: 'MEETING' }] }),
      'Variable "$interactions" got invalid value "MEETING" at "interactions[0].kind"; Value "MEETING" does not exist in "InteractionKind" enum.',
      'interactions[0].kind',
    );
    await expectRejected(
      server.gql(`mutation { upsertActors(actors: [{ id: "x", name: "X", kind: UNIVERSITY }]) { id } }`),
      'actors[0].kind: Value "UNIVERSITY" does not exist in "ActorKind" enum.',
      'actors[0].kind',
    );
  });

  it('an empty id or name, or an id twice in a batch', async () => {
    await expectRejected(
      server.gql(UPSERT_ACTORS, {
        actors: [
          { id: 'ok', name: 'OK', kind: 'SCHOOL' },
          { id: '  ', name: 'Blank', kind: 'SCHOOL' },
        ],
      }),
      'actors[1].id: "  " must be a non-empty string',
      'actors[1].id',
    );
    await expectRejected(
      server.gql(UPSERT_ACTORS, { actors: [{ id: 'ok', name: '', kind: 'SCHOOL' }] }),
      'actors[0].name: "" must be a non-empty string',
      'actors[0].name',
    );
    await expectRejected(
      server.gql(UPSERT_ACTORS, {
        actors: [
          { id: 'dup', name: 'A', kind: 'SCHOOL' },
          { id: 'dup', name: 'B', kind: 'SCHOOL' },
        ],
      }),
      'actors[1].id: "dup" appears more than once in the batch',
    );
  });

  it('an affiliation to an unknown actor', async () => {
    await expectRejected(
      server.gql(UPSERT_ACTORS, { actors: [{ id: 'school-new', name: 'New School', kind: 'SCHOOL', affiliationId: 'nsi-nowhere' }] }),
      'actors[0].affiliationId: "nsi-nowhere" is not a known actor',
      'actors[0].affiliationId',
    );
  });

  it('a page size over the cap, and a negative one', async () => {
    await expectRejected(server.gql(`{ actors(first: 501) { totalCount } }`), 'first: 501 must be a whole number from 0 to 500', 'first');
    await expectRejected(
      server.gql(`{ interactions(first: -1) { totalCount } }`),
      'first: -1 must be a whole number from 0 to 500',
      'first',
    );
  });

  it('a malformed cursor', async () => {
    await expectRejected(
      server.gql(`{ actors(after: "not-a-cursor!") { totalCount } }`),
      'after: "not-a-cursor!" is not a cursor returned by this API',
      'after',
    );
    const actorCursor = Buffer.from(JSON.stringify(['a', 'bmgf'])).toString('base64url');
    await expectRejected(
      server.gql(`query($after: String) { interactions(after: $after) { totalCount } }`, { after: actorCursor }),
      `after: "${actorCursor}" is not a cursor returned by this API`,
    );
  });

  it('an empty time range in a filter', async () => {
    await expectRejected(
      server.gql(`{ interactions(filter: { from: "2020-01-01T00:00:00Z", to: "2019-01-01T00:00:00Z" }) { totalCount } }`),
      'filter.from: 2020-01-01T00:00:00.000Z must be before filter.to (2019-01-01T00:00:00.000Z)',
      'filter.from',
    );
  });

  it('still serves after all of that', async () => {
    const result = await server.gql<{ actor: { name: string } }>(`{ actor(id: "bmgf") { name } }`);
    expect(result.data).toEqual({ actor: { name: 'Gates Foundation' } });
    expect(server.logged).toEqual([]);
  });
});

describe('a filter condition given as an empty text is refused, not taken for no condition', () => {
  it.each([
    ['{ interactions(filter: { actorId: "" }) { totalCount } }', 'filter.actorId', ''],
    ['{ interactions(filter: { actorId: "  " }) { totalCount } }', 'filter.actorId', '  '],
    ['{ auditLog(filter: { actorId: "" }) { edges { node { at } } } }', 'filter.actorId', ''],
    ['{ auditLog(filter: { interactionId: "" }) { edges { node { at } } } }', 'filter.interactionId', ''],
    ['{ auditLog(filter: { by: "" }) { edges { node { at } } } }', 'filter.by', ''],
  ])('%s names %s', async (query, field, value) => {
    const response = await server.gql(query);
    expect(response.errors?.map((e) => [e.message, e.extensions])).toEqual([
      [`${field}: ${JSON.stringify(value)} is empty; leave the condition out to match everything`, { code: 'BAD_USER_INPUT', field }],
    ]);
  });
});

describe('scope options name the field as the caller sent it', () => {
  it('names scope.coParticipationLimit in GraphQL and coParticipationLimit in an export URL', async () => {
    const graphql = await server.gql(
      `{ networkMetrics(scope: { coParticipationLimit: 101 }, window: { from: "2019-08-01", to: "2020-08-01" }) { density } }`,
    );
    expect(graphql.errors?.map((e) => [e.message, e.extensions])).toEqual([
      [
        'scope.coParticipationLimit: 101 must be a whole number from 0 to 100',
        { code: 'BAD_USER_INPUT', field: 'scope.coParticipationLimit' },
      ],
    ]);
    const download = await server.request('/export/csv-nodes?from=2019-08-01&to=2020-08-01&coParticipationLimit=101');
    expect([download.status, await download.json()]).toEqual([
      400,
      { error: 'coParticipationLimit: 101 must be a whole number from 0 to 100', field: 'coParticipationLimit' },
    ]);
  });
});
