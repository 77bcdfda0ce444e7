import { STORY_ACTORS, STORY_LOG, REPORT_QUERY } from '../fixtures/story-network';
import { startTestServer, type TestServer } from './harness';
import { seedNetwork } from './seed-network';

/** GET /report over real HTTP: who may read it, what it answers, bad parameters. */
let server: TestServer;
let reader: string;
beforeAll(async () => {
  server = await startTestServer();
  await seedNetwork(server, STORY_ACTORS, STORY_LOG);
  reader = await server.createToken('reader');
});
afterAll(() => server.stop());

describe('GET /report', () => {
  it('gives a reader the HTML report, with a filename and a policy that forbids every fetch', async () => {
    const response = await server.request(`/report?${REPORT_QUERY}&title=Two%20school%20years`, { token: reader });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="copnet-report-2019-08-01_2021-08-01.html"');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
    );
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<h1>Two school years</h1>');
    expect(html).toContain('<h2 id="verdict-title">Verdict: Becoming more peer-connected</h2>');
    // 2 kept of 5 and 6 ties: Jaccard 2/9, Hamming 7
    expect(html).toContain(
      '<tr><th scope="row">2019–20 → 2020–21</th><td>4</td><td>3</td><td>33.3%</td><td>3</td><td>0.222</td><td>7</td></tr>',
    );
    expect(html).toContain('the series has 2 windows, and finding one needs at least 5');
  });

  it('is the URL NetworkSeries.reportUrl gives', async () => {
    const result = await server.gql<{ networkMetricSeries: { reportUrl: string } }>(
      `{ networkMetricSeries(series: { from: "2019-08-01T00:00:00Z", to: "2021-08-01T00:00:00Z", step: SCHOOL_YEAR }, scope: { actorKinds: [SCHOOL, INTERMEDIARY] }) { reportUrl } }`,
    );
    const url = result.data!.networkMetricSeries.reportUrl;
    expect(url).toBe(
      '/report?from=2019-08-01T00%3A00%3A00.000Z&to=2021-08-01T00%3A00%3A00.000Z&step=SCHOOL_YEAR&windowSize=1&actorKinds=SCHOOL%2CINTERMEDIARY',
    );
    const response = await server.request(url, { token: reader });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<p class="scope">Scope: actor kinds INTERMEDIARY, SCHOOL; every interaction kind;');
  });

  it('takes an empty or blank title for none: the default title', async () => {
    for (const title of ['', '%20%20']) {
      const response = await server.request(`/report?${REPORT_QUERY}&title=${title}`, { token: reader });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<h1>Network report, 2019–20 to 2020–21</h1>');
    }
  });

  it('needs a credential', async () => {
    expect((await server.request(`/report?${REPORT_QUERY}`, { token: null })).status).toBe(401);
  });

  it.each([
    ['from=2021-08-01&to=2019-08-01&step=SCHOOL_YEAR', 'from'],
    ['from=2019-08-01&to=2021-08-01', 'step'],
    ['from=2019-08-01&to=2021-08-01&step=DECADE', 'step'],
    ['from=2019-08-01&to=2021-08-01&step=MONTH&actorKinds=ROBOT', 'actorKinds[0]'],
    [`from=2019-08-01&to=2021-08-01&step=MONTH&title=${'x'.repeat(201)}`, 'title'],
    ['from=2019-08-01&to=2021-08-01&step=MONTH&step=SCHOOL_YEAR', 'step'],
    ['from=2019-08-01&to=2021-08-01&step=MONTH&title=a&title=b', 'title'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const response = await server.request(`/report?${query}`, { token: reader });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { field: string }).field).toBe(field);
  });

  it.each([
    [
      `title=${'x'.repeat(201)}`,
      { field: 'title', error: `title: "${'x'.repeat(116)}... is 201 characters long; at most 200 are allowed` },
    ],
    ['title=a&title=b', { field: 'title', error: 'title: ["a","b"] is given 2 times; give it once' }],
    [
      'interactionKinds=CONVENING&interactionKinds=PEER_EXCHANGE',
      {
        field: 'interactionKinds',
        error:
          'interactionKinds: ["CONVENING","PEER_EXCHANGE"] is given 2 times; give a list once, comma-separated: interactionKinds=CONVENING,PEER_EXCHANGE',
      },
    ],
  ])('answers &%s with 400 and a message saying why', async (query, body) => {
    const response = await server.request(`/report?${REPORT_QUERY}&${query}`, { token: reader });
    expect([response.status, await response.json()]).toEqual([400, body]);
  });

  it.each([
    [
      'a%00b',
      'title: "a\\u0000b" contains the control character U+0000 at position 1; ids, names, tags and regions are one line of printable text',
    ],
    [
      'Report%E2%80%AEfdp.exe',
      'title: "Report\u202efdp.exe" contains the direction control character U+202E at position 6; ids, names, tags and regions may not reorder how they display',
    ],
    [
      'a%0Ab',
      'title: "a\\nb" contains the control character U+000A at position 1; ids, names, tags and regions are one line of printable text',
    ],
  ])('holds the title %s to the text rules of names', async (title, error) => {
    const response = await server.request(`/report?${REPORT_QUERY}&title=${title}`, { token: reader });
    expect([response.status, await response.json()]).toEqual([400, { error, field: 'title' }]);
  });
});
