import { Authenticator } from '../../src/auth/authenticator';
import { LOCAL_USER } from '../../src/auth/principal';
import { TokenService } from '../../src/auth/token-service';
import { startTestServer, type TestServer } from './harness';
import {
  CLOSE_SURVEY,
  CREATE_LINKS,
  createLinks,
  MY_FORM,
  OPEN_SURVEY,
  openSchoolYearSurvey,
  rating,
  SCHOOL_YEAR,
  seedSurveyNetwork,
  SUBMIT,
} from './survey-fixture';

let server: TestServer;
let reader: string;
let writer: string;
let surveyId: string;
let otherSurveyId: string;
let tokens: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  reader = await server.createToken('reader');
  writer = await server.createToken('writer');
  await seedSurveyNetwork(server);
  surveyId = await openSchoolYearSurvey(server);
  otherSurveyId = await openSchoolYearSurvey(server, { name: 'Schools only', rosterKinds: null, rosterIds: ['school-x', 'nsi-c'] });
  tokens = await createLinks(server, surveyId);
});
afterAll(() => server.stop());

const SURVEY_COUNT = `{ surveys { id } }`;
const surveyCount = async () => (await server.gql<{ surveys: unknown[] }>(SURVEY_COUNT)).data!.surveys.length;
const forbidden = (requiredRole: string, path: string[], message?: string) =>
  expect.objectContaining({
    path,
    extensions: { code: 'FORBIDDEN', requiredRole },
    ...(message ? { message } : {}),
  });
const RESPONDENT_ONLY = "This needs the respondent role: only a survey's respondent link reads its form and submits its answers";
const NOT_FOR_RESPONDENTS = (role: string) =>
  `This needs the ${role} role; a respondent link may only read its own form and submit its own answers`;

/** What the store holds of a survey's answers, as the admin sees them. */
async function responses(id: string): Promise<unknown[]> {
  const result = await server.gql<{ survey: { responses: unknown[] } }>(
    `query($id: ID!) { survey(id: $id) { responses { respondent { id } partner { id } reliability } } }`,
    { id },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.survey.responses;
}

describe('who may open, close and hand out surveys', () => {
  it('refuses a reader or a writer opening a survey, and writes nothing', async () => {
    const before = await surveyCount();
    const input = { name: 'Not mine', window: SCHOOL_YEAR, rosterKinds: ['INTERMEDIARY'] };
    for (const token of [reader, writer]) {
      const result = await server.gqlAs(token, OPEN_SURVEY, { input });
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([forbidden('admin', ['openSurvey'], "This needs the admin role; your credential's role is lower")]);
    }
    expect(await surveyCount()).toBe(before);
  });

  it('refuses anyone but an admin closing a survey or creating links', async () => {
    expect((await server.gqlAs(writer, CLOSE_SURVEY, { id: surveyId })).errors).toEqual([forbidden('admin', ['closeSurvey'])]);
    expect((await server.gqlAs(reader, CREATE_LINKS, { surveyId })).errors).toEqual([forbidden('admin', ['createRespondentLinks'])]);
    expect((await server.gqlAs(null, CREATE_LINKS, { surveyId })).errors).toEqual([
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED', requiredRole: 'admin' } }),
    ]);
    const still = await server.gql<{ survey: { isOpen: boolean } }>(`query($id: ID!) { survey(id: $id) { isOpen } }`, { id: surveyId });
    expect(still.data).toEqual({ survey: { isOpen: true } });
  });

  it('lets a reader read results but not the individual answers or the unlogged pairs', async () => {
    const result = await server.gqlAs(
      reader,
      `query($id: ID!) { survey(id: $id) { name rosterSize unloggedTieCount unloggedTies { a { id } } } }`,
      {
        id: surveyId,
      },
    );
    expect(result.data).toEqual({ survey: null }); // unloggedTies is non-null: its error nulls the (nullable) survey
    expect(result.errors).toEqual([forbidden('admin', ['survey', 'unloggedTies'])]);
    const answers = await server.gqlAs(reader, `query($id: ID!) { survey(id: $id) { responses { reliability } } }`, { id: surveyId });
    expect(answers.errors).toEqual([forbidden('admin', ['survey', 'responses'])]);
    const figures = await server.gqlAs(reader, `query($id: ID!) { survey(id: $id) { name rosterSize unloggedTieCount } }`, {
      id: surveyId,
    });
    expect(figures).toMatchObject({ data: { survey: { name: 'Trust 2024–25', rosterSize: 5, unloggedTieCount: 0 } } });
  });
});

describe('a respondent link', () => {
  it('reads its own form and nothing else, each refusal naming the role needed', async () => {
    const token = tokens.get('nsi-a')!;
    expect((await server.gqlAs(token, `{ myForm { actor { id } survey { id } } }`)).data).toEqual({
      myForm: { actor: { id: 'nsi-a' }, survey: { id: surveyId } },
    });
    expect((await server.gqlAs(token, `{ actors { totalCount } }`)).errors).toEqual([
      forbidden('reader', ['actors'], NOT_FOR_RESPONDENTS('reader')),
    ]);
    expect((await server.gqlAs(token, SURVEY_COUNT)).errors).toEqual([forbidden('reader', ['surveys'])]);
    // used on another survey
    expect((await server.gqlAs(token, `query($id: ID!) { survey(id: $id) { name } }`, { id: otherSurveyId })).errors).toEqual([
      forbidden('reader', ['survey']),
    ]);
    expect((await server.gqlAs(token, OPEN_SURVEY, { input: { name: 'x', window: SCHOOL_YEAR, rosterIds: ['nsi-a'] } })).errors).toEqual([
      forbidden('admin', ['openSurvey'], NOT_FOR_RESPONDENTS('admin')),
    ]);
    expect((await server.gqlAs(token, `mutation { upsertActors(actors: []) { id } }`)).errors).toEqual([
      forbidden('writer', ['upsertActors']),
    ]);
  });

  it("sees its survey's name, window and state, but none of its results or roster", async () => {
    const token = tokens.get('nsi-a')!;
    for (const field of ['actors { raters }', 'roster { id }', 'rosterKinds', 'openedAt', 'responseRate', 'networkTrust', 'exportUrl']) {
      const result = await server.gqlAs(token, `{ myForm { survey { id ${field} } } }`);
      expect(result.errors).toEqual([forbidden('reader', ['myForm', 'survey', field.split(' ')[0]!])]);
    }
    const answers = await server.gqlAs(token, `{ myForm { survey { responses { reliability } } } }`);
    expect(answers.errors).toEqual([forbidden('admin', ['myForm', 'survey', 'responses'])]);
  });

  it('sees the roster and partner actors by name and kind only: not their interactions, metrics or who recorded them', async () => {
    const token = tokens.get('nsi-a')!;
    const shown = await server.gqlAs<{ myForm: { roster: { id: string; kind: string; affiliation: unknown }[] } }>(
      token,
      `{ myForm { roster { id name kind region tags affiliationId affiliation { id name } } } }`,
    );
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.myForm.roster.map((actor) => actor.id)).toEqual(['school-x', 'nsi-b', 'nsi-d', 'nsi-c']); // by name
    const window = `window: { from: "${SCHOOL_YEAR.from}", to: "${SCHOOL_YEAR.to}" }`;
    const series = `series: { from: "${SCHOOL_YEAR.from}", to: "${SCHOOL_YEAR.to}", step: QUARTER }`;
    const refusals: [query: string, path: (string | number)[]][] = [
      ['roster { id interactions(first: 2) { totalCount edges { node { note } } } }', ['roster', 0, 'interactions']],
      [`roster { id metrics(${window}) { degree } }`, ['roster', 0, 'metrics']],
      [`roster { id metricSeries(${series}) { degree } }`, ['roster', 0, 'metricSeries']],
      ...(['recordedBy', 'recordedAt', 'updatedBy', 'updatedAt'] as const).map((field): [string, (string | number)[]] => [
        `roster { id ${field} }`,
        ['roster', 0, field],
      ]),
      ['actor { id interactions { totalCount } }', ['actor', 'interactions']],
      ['partners { actor { id interactions { totalCount } } }', ['partners', 0, 'actor', 'interactions']],
    ];
    for (const [query, path] of refusals) {
      const result = await server.gqlAs(token, `{ myForm { ${query} } }`);
      expect({ query, error: result.errors?.[0] }).toEqual({
        query,
        error: forbidden('reader', ['myForm', ...path] as string[], NOT_FOR_RESPONDENTS('reader')),
      });
    }
    // A reader still reads them all through actor(id:).
    const asReader = await server.gqlAs<{ actor: { interactions: { totalCount: number } } }>(
      reader,
      `{ actor(id: "nsi-b") { interactions { totalCount } recordedBy } }`,
    );
    expect(asReader.errors).toBeUndefined();
  });

  it('cannot be downloaded an export with', async () => {
    const response = await server.request(`/export/survey?id=${surveyId}`, { token: tokens.get('nsi-a')! });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: NOT_FOR_RESPONDENTS('reader'), code: 'FORBIDDEN', requiredRole: 'reader' });
  });

  it('is the only credential that reads a form or submits answers', async () => {
    for (const token of [server.adminToken, reader, writer]) {
      expect((await server.gqlAs(token, MY_FORM)).errors).toEqual([forbidden('respondent', ['myForm'], RESPONDENT_ONLY)]);
      expect((await server.gqlAs(token, SUBMIT, { ratings: [rating('nsi-b', [4, 4, 4, 4, 4, 4])] })).errors).toEqual([
        forbidden('respondent', ['submitRatings'], RESPONDENT_ONLY),
      ]);
    }
    expect((await server.gqlAs(null, MY_FORM)).errors).toEqual([
      expect.objectContaining({ path: ['myForm'], extensions: { code: 'UNAUTHENTICATED', requiredRole: 'respondent' } }),
    ]);
    expect(await responses(surveyId)).toEqual([]);
  });
});

describe('bad answers', () => {
  const cases: [string, Record<string, unknown>[], string, string][] = [
    [
      'item 0',
      [rating('nsi-b', [4, 4, 4, 4, 4, 4]), rating('nsi-c', [0, 4, 4, 4, 4, 4])],
      'ratings[1].reliability',
      'ratings[1].reliability: 0 must be a whole number from 1 to 4, or null (not answered)',
    ],
    [
      'item 5',
      [rating('nsi-b', [4, 4, 4, 4, 4, 5])],
      'ratings[0].involvement',
      'ratings[0].involvement: 5 must be a whole number from 1 to 4, or null (not answered)',
    ],
    [
      'a partner twice',
      [rating('nsi-b', [4, 4, 4, 4, 4, 4]), rating('nsi-b', [1, 1, 1, 1, 1, 1])],
      'ratings[1].partnerId',
      'ratings[1].partnerId: "nsi-b" is rated twice in this submission (also ratings[0])',
    ],
    [
      'a partner off the roster',
      [rating('bmgf', [4, 4, 4, 4, 4, 4])],
      'ratings[0].partnerId',
      `ratings[0].partnerId: "bmgf" is not on the survey's roster`,
    ],
    [
      'an unknown partner',
      [rating('nobody', [4, 4, 4, 4, 4, 4])],
      'ratings[0].partnerId',
      `ratings[0].partnerId: "nobody" is not on the survey's roster`,
    ],
    [
      'the respondent itself',
      [rating('nsi-a', [4, 4, 4, 4, 4, 4])],
      'ratings[0].partnerId',
      'ratings[0].partnerId: "nsi-a" is the respondent itself',
    ],
    [
      'items without workedTogether',
      [{ partnerId: 'nsi-b', workedTogether: false, openness: 3 }],
      'ratings[0].openness',
      'ratings[0].openness: 3 is only answered when workedTogether is true',
    ],
  ];
  it.each(cases)('refuses %s naming the field, and writes nothing', async (_label, ratings, field, message) => {
    const result = await server.gqlAs(tokens.get('nsi-a')!, SUBMIT, { ratings });
    expect(result.errors).toEqual([
      { message, locations: [{ line: 1, column: 46 }], path: ['submitRatings'], extensions: { code: 'BAD_USER_INPUT', field } },
    ]);
    expect(await responses(surveyId)).toEqual([]);
  });

  it('refuses 2.5 naming the item and the value', async () => {
    const result = await server.gqlAs(tokens.get('nsi-a')!, SUBMIT, {
      ratings: [{ ...rating('nsi-b', [4, 4, 4, 4, 4, 4]), resources: 2.5 }],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$ratings" got invalid value 2.5 at "ratings[0].resources"; Int cannot represent non-integer value: 2.5',
        extensions: { code: 'BAD_USER_INPUT', field: 'ratings[0].resources' },
      }),
    ]);
    expect(await responses(surveyId)).toEqual([]);
  });
});

describe('bad surveys', () => {
  const input = { name: 'Trust', window: SCHOOL_YEAR, rosterKinds: ['INTERMEDIARY'] };
  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'an unknown roster id',
      { ...input, rosterIds: ['nsi-a', 'nobody'] },
      'input.rosterIds[1]',
      'input.rosterIds[1]: "nobody" is not a known actor',
    ],
    [
      'an empty roster',
      { ...input, rosterKinds: ['SUPPORT_PARTNER'] },
      'input.rosterKinds',
      'input.rosterKinds: ["SUPPORT_PARTNER"] and input.rosterIds select no actor: a survey needs at least one actor on its roster',
    ],
    [
      'no roster at all',
      { name: 'Trust', window: SCHOOL_YEAR },
      'input.rosterKinds',
      'input.rosterKinds: [] and input.rosterIds select no actor: a survey needs at least one actor on its roster',
    ],
    [
      'an empty window',
      { ...input, window: { from: SCHOOL_YEAR.from, to: SCHOOL_YEAR.from } },
      'input.window.from',
      `input.window.from: ${SCHOOL_YEAR.from} must be before input.window.to (${SCHOOL_YEAR.from})`,
    ],
    ['a blank name', { ...input, name: '  ' }, 'input.name', 'input.name: "  " must be a non-empty string'],
    [
      'a name with a control character',
      { ...input, name: 'a\u0007b' },
      'input.name',
      'input.name: "a\\u0007b" contains the control character U+0007 at position 1; ids, names, tags and regions are one line of printable text',
    ],
    [
      'a closing time in the past',
      { ...input, closesAt: '2020-01-01T00:00:00Z' },
      'input.closesAt',
      'input.closesAt: 2020-01-01T00:00:00.000Z must be in the future',
    ],
  ];
  it.each(cases)('refuses %s naming the field, and writes nothing', async (_label, given, field, message) => {
    const before = await surveyCount();
    const result = await server.gql(OPEN_SURVEY, { input: given });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(result.errors![0]!.message.startsWith(message)).toBe(true);
    expect(await surveyCount()).toBe(before);
  });

  it('refuses unknown survey ids naming the argument', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await server.gql(CLOSE_SURVEY, { id })).errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } }),
    ]);
    expect((await server.gql(CREATE_LINKS, { surveyId: id })).errors).toEqual([
      expect.objectContaining({
        message: `surveyId: "${id}" is not a known survey`,
        extensions: { code: 'BAD_USER_INPUT', field: 'surveyId' },
      }),
    ]);
    expect((await server.gql(`query($id: ID!) { survey(id: $id) { id } }`, { id })).data).toEqual({ survey: null });
    expect((await server.gql(`{ survey(id: " ") { id } }`)).errors).toEqual([
      expect.objectContaining({ message: 'id: " " must be a non-empty string', extensions: { code: 'BAD_USER_INPUT', field: 'id' } }),
    ]);
    const exported = await server.request(`/export/survey?id=${id}`);
    expect(exported.status).toBe(400);
    expect(await exported.json()).toEqual({ error: `id: "${id}" is not a known survey`, field: 'id' });
    const missing = await server.request(`/export/survey`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'id: (missing) is required: the survey to export', field: 'id' });
  });
});

describe('after closing', () => {
  it('refuses the respondent links of a closed survey, and writes nothing', async () => {
    const id = await openSchoolYearSurvey(server, { name: 'Closing soon' });
    const links = await createLinks(server, id);
    const token = links.get('nsi-b')!;
    expect((await server.gqlAs(token, SUBMIT, { ratings: [rating('nsi-a', [4, 4, 4, 4, 4, 4])] })).errors).toBeUndefined();
    expect((await server.gql(CLOSE_SURVEY, { id })).errors).toBeUndefined();
    const refused = {
      message: 'Your credential was refused: this respondent link is for a survey that has closed; answers are no longer taken',
      extensions: { code: 'UNAUTHENTICATED' },
    };
    expect((await server.gqlAs(token, MY_FORM)).errors).toEqual([expect.objectContaining(refused)]);
    expect((await server.gqlAs(token, SUBMIT, { ratings: [rating('nsi-a', [1, 1, 1, 1, 1, 1])] })).errors).toEqual([
      expect.objectContaining(refused),
    ]);
    expect(await responses(id)).toEqual([{ respondent: { id: 'nsi-b' }, partner: { id: 'nsi-a' }, reliability: 4 }]);
    // the other survey's links still work
    expect((await server.gqlAs(tokens.get('nsi-b')!, `{ myForm { actor { id } } }`)).data).toEqual({ myForm: { actor: { id: 'nsi-b' } } });
  });
});

describe('with COPNET_AUTH=off', () => {
  it('lets a respondent link act as its respondent; anything else is the local admin', async () => {
    const authOff = new Authenticator({ enabled: false, tokens: new TokenService(server.store) });
    expect(await authOff.authenticate(`Bearer ${tokens.get('nsi-c')!}`, '127.0.0.1')).toEqual({
      name: `survey:${surveyId}:nsi-c:1`,
      role: 'respondent',
      via: 'token',
      respondent: { surveyId, actorId: 'nsi-c' },
    });
    expect(await authOff.authenticate(`Bearer ${reader}`, '127.0.0.1')).toBe(LOCAL_USER);
    expect(await authOff.authenticate(undefined, '127.0.0.1')).toBe(LOCAL_USER);
    expect(await authOff.authenticate('Bearer copnet_not-a-real-token', '127.0.0.1')).toBe(LOCAL_USER);
  });
});

// Last: on Neo4j a second test server empties the shared test database.
describe('the response cache', () => {
  it('never answers one respondent with another’s form', async () => {
    const cached = await startTestServer({ responseCache: true });
    try {
      await seedSurveyNetwork(cached);
      const id = await openSchoolYearSurvey(cached);
      const links = await createLinks(cached, id);
      const forms = [];
      for (const actor of ['nsi-a', 'nsi-b', 'nsi-a']) {
        forms.push(
          (await cached.gqlAs<{ myForm: { actor: { id: string } } }>(links.get(actor)!, `{ myForm { actor { id } } }`)).data!.myForm.actor
            .id,
        );
      }
      expect(forms).toEqual(['nsi-a', 'nsi-b', 'nsi-a']);
      // a survey's isOpen follows the clock: surveys are not kept either (each answer reads the roster again)
      const query = `query($id: ID!) { survey(id: $id) { isOpen roster { id } } }`;
      const before = cached.storeCalls.get('getActorsByIds') ?? 0;
      expect((await cached.gql(query, { id })).errors).toBeUndefined();
      expect((await cached.gql(query, { id })).errors).toBeUndefined();
      expect(cached.storeCalls.get('getActorsByIds') ?? 0).toBe(before + 2);
    } finally {
      await cached.stop();
    }
  });
});
