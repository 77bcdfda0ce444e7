import { startTestServer, type TestServer } from './harness';
import {
  CLOSE_SURVEY,
  MY_FORM,
  OPEN_SURVEY,
  openSchoolYearSurvey,
  rating,
  RESULTS,
  SCHOOL_YEAR,
  seedSurveyNetwork,
  SUBMIT,
} from './survey-fixture';

/*
 * The whole flow over HTTP: open → links → two respondents submit → results, by hand:
 *   roster nsi-a nsi-b nsi-c nsi-d school-x (5); logged ties a–b ×2, b–c, c–d (bmgf–a is off the roster).
 *   nsi-a: b 4 4 4 | 3 3 3 (trust 4, value 3); d 2 2 2 | 2 2 2 (2, 2; no logged tie in the window: unlogged)
 *   nsi-b: a 3 3 3 | 4 4 4 (3, 4); c did not work together
 *   respondentCount 2 of 5: 0.4, CAUTION; ratingCount 3; networkTrust (4+2+3)/3 = 3; networkValue (3+2+4)/3 = 3
 *   ties with a responding end: a–b (a marks it), b–c (b does not): confirmedShare 1/2; both ends: a–b, mutual: 1/1.
 */
let server: TestServer;
let surveyId: string;
let tokens: Map<string, string>;
let reader: string;
beforeAll(async () => {
  server = await startTestServer();
  reader = await server.createToken('reader');
  await seedSurveyNetwork(server);
});
afterAll(() => server.stop());

const nothing = { reliability: null, openness: null, sharedMission: null, influence: null, resources: null, involvement: null };
const items = (r: number, o: number, s: number, i: number, re: number, inv: number) => ({
  reliability: r,
  openness: o,
  sharedMission: s,
  influence: i,
  resources: re,
  involvement: inv,
});

describe('a survey from opening to results', () => {
  it('opens a survey for the roster of the intermediaries plus one school, frozen at opening', async () => {
    const opened = await server.gql<{ openSurvey: Record<string, unknown> & { id: string; openedAt: string } }>(OPEN_SURVEY, {
      input: {
        name: '  Trust 2024–25 ',
        window: SCHOOL_YEAR,
        rosterKinds: ['INTERMEDIARY', 'INTERMEDIARY'],
        rosterIds: ['school-x', 'nsi-a'],
      },
    });
    expect(opened.errors).toBeUndefined();
    surveyId = opened.data!.openSurvey.id;
    expect(surveyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Math.abs(Date.parse(opened.data!.openSurvey.openedAt) - Date.now())).toBeLessThan(60_000);
    expect(opened.data!.openSurvey).toEqual({
      id: surveyId,
      name: 'Trust 2024–25',
      window: { ...SCHOOL_YEAR, label: null },
      rosterKinds: ['INTERMEDIARY'],
      roster: ['nsi-a', 'nsi-b', 'nsi-c', 'nsi-d', 'school-x'].map((id) => ({ id })),
      openedAt: opened.data!.openSurvey.openedAt,
      closesAt: null,
      closedAt: null,
      isOpen: true,
      rosterSize: 5,
    });
  });

  it('refuses an actor listed twice on the roster, naming the repeat, and opens nothing', async () => {
    const before = await server.gql<{ surveys: unknown[] }>('{ surveys { id } }');
    const refused = await server.gql(OPEN_SURVEY, {
      input: { name: 'Twice', window: SCHOOL_YEAR, rosterIds: ['school-x', 'nsi-a', 'school-x'] },
    });
    expect(refused.errors?.map((error) => [error.message, error.extensions?.code, error.extensions?.field])).toEqual([
      ['input.rosterIds[2]: "school-x" is listed twice', 'BAD_USER_INPUT', 'input.rosterIds[2]'],
    ]);
    expect(await server.gql('{ surveys { id } }')).toEqual(before);
  });

  it('gives one link per roster actor, the token in the fragment of the form address', async () => {
    const links = await server.gql<{ createRespondentLinks: { actor: { id: string; name: string }; token: string; url: string }[] }>(
      `mutation($surveyId: ID!) { createRespondentLinks(surveyId: $surveyId) { actor { id name } token url } }`,
      { surveyId },
    );
    expect(links.errors).toBeUndefined();
    const rows = links.data!.createRespondentLinks;
    expect(rows.map((row) => row.actor.id)).toEqual(['nsi-a', 'nsi-b', 'nsi-c', 'nsi-d', 'school-x']);
    for (const row of rows) {
      expect(row.token).toMatch(/^copnet_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
      expect(row.url).toBe(`${server.url}/?view=form#token=${row.token}`);
    }
    tokens = new Map(rows.map((row) => [row.actor.id, row.token]));
    const names = await server.gql<{ apiTokens: { name: string; role: string }[] }>(`{ apiTokens { name role } }`);
    expect(names.data!.apiTokens.filter((t) => t.name.startsWith('survey:')).map((t) => t.name)).toEqual(
      ['nsi-a', 'nsi-b', 'nsi-c', 'nsi-d', 'school-x'].map((id) => `survey:${surveyId}:${id}:1`),
    );
  });

  it("shows a respondent its form: partners from the window's ties, most interactions first, and the roster by name", async () => {
    const form = await server.gqlAs(tokens.get('nsi-a')!, MY_FORM);
    expect(form.errors).toBeUndefined();
    expect(form.data).toEqual({
      myForm: {
        survey: { id: surveyId, name: 'Trust 2024–25', window: SCHOOL_YEAR, closesAt: null, closedAt: null, isOpen: true },
        actor: { id: 'nsi-a' },
        partners: [{ actor: { id: 'nsi-b' }, interactions: 2, rating: null }],
        roster: ['school-x', 'nsi-b', 'nsi-d', 'nsi-c'].map((id) => ({ id })), // "=HYPERLINK…", Beta, Delta, Gamma
        submittedAt: null,
      },
    });
  });

  it('takes two respondents’ answers and returns each form as stored', async () => {
    const a = await server.gqlAs<{ submitRatings: { partners: unknown[]; submittedAt: string } }>(tokens.get('nsi-a')!, SUBMIT, {
      ratings: [rating('nsi-b', [4, 4, 4, 3, 3, 3]), rating('nsi-d', [2, 2, 2, 2, 2, 2])],
    });
    expect(a.errors).toBeUndefined();
    expect(a.data!.submitRatings.partners).toEqual([
      { actor: { id: 'nsi-b' }, interactions: 2, rating: { workedTogether: true, ...items(4, 4, 4, 3, 3, 3) } },
      { actor: { id: 'nsi-d' }, interactions: 0, rating: { workedTogether: true, ...items(2, 2, 2, 2, 2, 2) } },
    ]);
    expect(Math.abs(Date.parse(a.data!.submitRatings.submittedAt) - Date.now())).toBeLessThan(60_000);
    const b = await server.gqlAs<{ submitRatings: { partners: unknown[] } }>(tokens.get('nsi-b')!, SUBMIT, {
      ratings: [rating('nsi-a', [3, 3, 3, 4, 4, 4]), rating('nsi-c', null)],
    });
    expect(b.errors).toBeUndefined();
    expect(b.data!.submitRatings.partners).toEqual([
      { actor: { id: 'nsi-a' }, interactions: 2, rating: { workedTogether: true, ...items(3, 3, 3, 4, 4, 4) } },
      { actor: { id: 'nsi-c' }, interactions: 1, rating: { workedTogether: false, ...nothing } },
    ]);
  });

  it('gives the admin the exact results', async () => {
    const results = await server.gql(RESULTS, { id: surveyId });
    expect(results.errors).toBeUndefined();
    expect(results.data).toEqual({
      survey: {
        rosterSize: 5,
        respondentCount: 2,
        responseRate: 0.4,
        coverage: 'CAUTION',
        ratingCount: 3,
        networkTrust: 3,
        networkValue: 3,
        actors: [
          { actor: { id: 'nsi-a' }, responded: true, raters: 1, trustReceived: 3, valueReceived: 4, itemMeans: items(3, 3, 3, 4, 4, 4) },
          { actor: { id: 'nsi-b' }, responded: true, raters: 1, trustReceived: 4, valueReceived: 3, itemMeans: items(4, 4, 4, 3, 3, 3) },
          { actor: { id: 'nsi-c' }, responded: false, raters: 0, trustReceived: null, valueReceived: null, itemMeans: nothing },
          { actor: { id: 'nsi-d' }, responded: false, raters: 1, trustReceived: 2, valueReceived: 2, itemMeans: items(2, 2, 2, 2, 2, 2) },
          { actor: { id: 'school-x' }, responded: false, raters: 0, trustReceived: null, valueReceived: null, itemMeans: nothing },
        ],
        loggedTies: 3,
        confirmedShare: 0.5,
        mutuallyConfirmedShare: 1,
        unloggedTieCount: 1,
      },
    });
    const detail = await server.gql<{ survey: { unloggedTies: unknown; responses: { submittedAt: string }[] } }>(
      `query($id: ID!) { survey(id: $id) { unloggedTies { a { id } b { id } }
        responses { respondent { id } partner { id } workedTogether reliability involvement submittedAt } } }`,
      { id: surveyId },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.survey.unloggedTies).toEqual([{ a: { id: 'nsi-a' }, b: { id: 'nsi-d' } }]);
    expect(detail.data!.survey.responses.map(({ submittedAt: _at, ...rest }) => rest)).toEqual([
      { respondent: { id: 'nsi-a' }, partner: { id: 'nsi-b' }, workedTogether: true, reliability: 4, involvement: 3 },
      { respondent: { id: 'nsi-a' }, partner: { id: 'nsi-d' }, workedTogether: true, reliability: 2, involvement: 2 },
      { respondent: { id: 'nsi-b' }, partner: { id: 'nsi-a' }, workedTogether: true, reliability: 3, involvement: 4 },
      { respondent: { id: 'nsi-b' }, partner: { id: 'nsi-c' }, workedTogether: false, reliability: null, involvement: null },
    ]);
  });

  it('hides each actor’s scores from a reader while fewer than 3 respondents rated it', async () => {
    const results = await server.gqlAs<{ survey: { actors: unknown[]; networkTrust: number; coverage: string } }>(reader, RESULTS, {
      id: surveyId,
    });
    expect(results.errors).toBeUndefined();
    expect(results.data!.survey.networkTrust).toBe(3);
    expect(results.data!.survey.actors).toEqual(
      [
        ['nsi-a', true, 1],
        ['nsi-b', true, 1],
        ['nsi-c', false, 0],
        ['nsi-d', false, 1],
        ['school-x', false, 0],
      ].map(([id, responded, raters]) => ({
        actor: { id },
        responded,
        raters,
        trustReceived: null,
        valueReceived: null,
        itemMeans: nothing,
      })),
    );
  });

  it('exports the scores as formula-safe CSV: in full for an admin, with the privacy rule for a reader', async () => {
    const header =
      'actor_id,actor_name,kind,responded,raters,trust_received,value_received,reliability,openness,shared_mission,influence,resources,involvement';
    const admin = await server.request(`/export/survey?id=${surveyId}`);
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(admin.headers.get('content-disposition')).toBe(`attachment; filename="survey-${surveyId}.csv"`);
    expect(await admin.text()).toBe(
      [
        header,
        'nsi-a,Alpha Network,INTERMEDIARY,true,1,3,4,3,3,3,4,4,4',
        'nsi-b,Beta Network,INTERMEDIARY,true,1,4,3,4,4,4,3,3,3',
        'nsi-c,Gamma Network,INTERMEDIARY,false,0,,,,,,,,',
        'nsi-d,Delta Network,INTERMEDIARY,false,1,2,2,2,2,2,2,2,2',
        `school-x,"'=HYPERLINK(""http://x"")",SCHOOL,false,0,,,,,,,,`,
        '',
      ].join('\n'),
    );
    const asReader = await server.request(`/export/survey?id=${surveyId}`, { token: reader });
    expect(asReader.status).toBe(200);
    expect((await asReader.text()).split('\n').slice(1, 3)).toEqual([
      'nsi-a,Alpha Network,INTERMEDIARY,true,1,,,,,,,,',
      'nsi-b,Beta Network,INTERMEDIARY,true,1,,,,,,,,',
    ]);
  });

  it('refuses a repeated id or ratings on /export/survey, naming it', async () => {
    const twice = await server.request(`/export/survey?id=${surveyId}&id=other`);
    expect([twice.status, await twice.json()]).toEqual([
      400,
      { error: `id: ["${surveyId}","other"] is given 2 times; give it once`, field: 'id' },
    ]);
    const ratings = await server.request(`/export/survey?id=${surveyId}&ratings=0&ratings=1`);
    expect([ratings.status, await ratings.json()]).toEqual([
      400,
      { error: 'ratings: ["0","1"] is given 2 times; give it once', field: 'ratings' },
    ]);
  });

  it('exports one row per answer for an admin only', async () => {
    const stored = await server.gql<{ survey: { responses: { submittedAt: string }[] } }>(
      `query($id: ID!) { survey(id: $id) { responses { submittedAt } } }`,
      { id: surveyId },
    );
    const [at1, at2, at3, at4] = stored.data!.survey.responses.map((r) => r.submittedAt);
    const admin = await server.request(`/export/survey?id=${surveyId}&ratings=1`);
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-disposition')).toBe(`attachment; filename="survey-${surveyId}-ratings.csv"`);
    expect(await admin.text()).toBe(
      [
        'respondent_id,respondent_name,partner_id,partner_name,worked_together,reliability,openness,shared_mission,influence,resources,involvement,submitted_at',
        `nsi-a,Alpha Network,nsi-b,Beta Network,true,4,4,4,3,3,3,${at1}`,
        `nsi-a,Alpha Network,nsi-d,Delta Network,true,2,2,2,2,2,2,${at2}`,
        `nsi-b,Beta Network,nsi-a,Alpha Network,true,3,3,3,4,4,4,${at3}`,
        `nsi-b,Beta Network,nsi-c,Gamma Network,false,,,,,,,${at4}`,
        '',
      ].join('\n'),
    );
    const asReader = await server.request(`/export/survey?id=${surveyId}&ratings=1`, { token: reader });
    expect(asReader.status).toBe(403);
    expect(await asReader.json()).toEqual({
      error: "This needs the admin role; your credential's role is lower",
      code: 'FORBIDDEN',
      requiredRole: 'admin',
    });
  });

  it('downloads new links as CSV for an admin; earlier links keep working', async () => {
    const response = await server.request(`/export/survey-links?id=${surveyId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="survey-${surveyId}-links.csv"`);
    const lines = (await response.text()).split('\n');
    expect(lines[0]).toBe('actor_id,actor_name,url');
    const row = /^([^,]+),(.+),(http:\/\/[^,]+\/\?view=form#token=(copnet_[A-Za-z0-9_-]+))$/;
    const parsed = lines.slice(1, -1).map((line) => row.exec(line)!.slice(1));
    expect(parsed.map(([id, name]) => [id, name])).toEqual([
      ['nsi-a', 'Alpha Network'],
      ['nsi-b', 'Beta Network'],
      ['nsi-c', 'Gamma Network'],
      ['nsi-d', 'Delta Network'],
      ['school-x', `"'=HYPERLINK(""http://x"")"`],
    ]);
    expect(parsed.every(([, , url, token]) => url === `${server.url}/?view=form#token=${token}`)).toBe(true);
    const fresh = parsed[2]![3]!;
    expect(fresh).not.toBe(tokens.get('nsi-c'));
    for (const token of [fresh, tokens.get('nsi-c')!]) {
      const form = await server.gqlAs<{ myForm: { actor: { id: string } } }>(token, `{ myForm { actor { id } } }`);
      expect(form.data).toEqual({ myForm: { actor: { id: 'nsi-c' } } });
    }
    const asReader = await server.request(`/export/survey-links?id=${surveyId}`, { token: reader });
    expect(asReader.status).toBe(403);
    // Errors name the download's parameter, id (createSurveyLinks names its argument, surveyId).
    const unknown = await server.request('/export/survey-links?id=nope');
    expect([unknown.status, await unknown.json()]).toEqual([400, { error: 'id: "nope" is not a known survey', field: 'id' }]);
  });

  it('replaces a respondent’s earlier answers when it submits again', async () => {
    const again = await server.gqlAs(tokens.get('nsi-a')!, SUBMIT, { ratings: [rating('nsi-b', [1, 1, 1, 1, null, null])] });
    expect(again.errors).toBeUndefined();
    const results = await server.gql<{ survey: Record<string, unknown> }>(RESULTS, { id: surveyId });
    expect(results.data!.survey).toMatchObject({
      respondentCount: 2,
      ratingCount: 2,
      networkTrust: 2,
      networkValue: 2.5,
      unloggedTieCount: 0,
    });
    // value(a→b) is now 1 (influence only); value(b→a) 4
  });

  it('shows a reader an actor’s scores once 3 respondents rated it, and the coverage band follows the response rate', async () => {
    expect((await server.gqlAs(tokens.get('nsi-c')!, SUBMIT, { ratings: [rating('nsi-b', [2, 2, 2, 2, 2, 2])] })).errors).toBeUndefined();
    expect((await server.gqlAs(tokens.get('nsi-d')!, SUBMIT, { ratings: [rating('nsi-b', [3, 3, 3, 1, 1, 1])] })).errors).toBeUndefined();
    const results = await server.gqlAs<{ survey: { actors: { actor: { id: string } }[] } & Record<string, unknown> }>(reader, RESULTS, {
      id: surveyId,
    });
    expect(results.errors).toBeUndefined();
    expect(results.data!.survey).toMatchObject({ respondentCount: 4, responseRate: 0.8, coverage: 'HIGH' });
    // nsi-b from a (1, 1), c (2, 2), d (3, 1)
    expect(results.data!.survey.actors[1]).toEqual({
      actor: { id: 'nsi-b' },
      responded: true,
      raters: 3,
      trustReceived: 2,
      valueReceived: 4 / 3,
      itemMeans: { reliability: 2, openness: 2, sharedMission: 2, influence: 4 / 3, resources: 1.5, involvement: 1.5 },
    });
    expect(results.data!.survey.actors[0]).toMatchObject({ actor: { id: 'nsi-a' }, raters: 1, trustReceived: null });
  });

  it('lists the surveys by window, with trust and value per survey', async () => {
    const earlier = await openSchoolYearSurvey(server, {
      name: 'Trust 2023–24',
      window: { from: '2023-08-01T00:00:00Z', to: '2024-08-01T00:00:00Z' },
    });
    const list = await server.gqlAs(reader, `{ surveys { id name window { from } respondentCount networkTrust networkValue coverage } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data).toEqual({
      surveys: [
        {
          id: earlier,
          name: 'Trust 2023–24',
          window: { from: '2023-08-01T00:00:00.000Z' },
          respondentCount: 0,
          networkTrust: null,
          networkValue: null,
          coverage: 'CAUTION',
        },
        {
          id: surveyId,
          name: 'Trust 2024–25',
          window: { from: SCHOOL_YEAR.from },
          respondentCount: 4,
          networkTrust: expect.closeTo((1 + 3 + 2 + 3) / 4, 12),
          networkValue: expect.closeTo((1 + 4 + 2 + 1) / 4, 12),
          coverage: 'HIGH',
        },
      ],
    });
  });

  it('closes a survey: no more links or answers, and the links stop working', async () => {
    const closed = await server.gql<{ closeSurvey: { id: string; closedAt: string; isOpen: boolean } }>(CLOSE_SURVEY, { id: surveyId });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeSurvey).toMatchObject({ id: surveyId, isOpen: false });
    expect(Math.abs(Date.parse(closed.data!.closeSurvey.closedAt) - Date.now())).toBeLessThan(60_000);
    const form = await server.gqlAs(tokens.get('nsi-a')!, MY_FORM);
    expect(form.errors).toEqual([
      expect.objectContaining({
        message: 'Your credential was refused: this respondent link is for a survey that has closed; answers are no longer taken',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
    const links = await server.gql(`mutation($surveyId: ID!) { createRespondentLinks(surveyId: $surveyId) { token } }`, { surveyId });
    expect(links.errors).toEqual([
      expect.objectContaining({
        message: `surveyId: "${surveyId}" is closed: its links would not work`,
        extensions: { code: 'BAD_USER_INPUT', field: 'surveyId' },
      }),
    ]);
    const again = await server.gql(CLOSE_SURVEY, { id: surveyId });
    expect(again.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } })]);
    // the results stay readable
    expect((await server.gql<{ survey: { respondentCount: number } }>(RESULTS, { id: surveyId })).data!.survey.respondentCount).toBe(4);
  });
});
