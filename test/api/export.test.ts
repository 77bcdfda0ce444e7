import { UndirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import { peerExchange, RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.gql(UPSERT_ACTORS, {
    actors: [
      { id: 'fdn', name: 'Foundation & Friends', kind: 'FOUNDATION', region: 'WA' },
      { id: 'a', name: 'Network "A"', kind: 'INTERMEDIARY', region: 'MD' },
      { id: 'b', name: 'Réseau B', kind: 'INTERMEDIARY' },
      { id: 'c', name: 'C <Schools>', kind: 'INTERMEDIARY', region: 'TX' },
    ],
  });
  const tie = (day: string, from: string, to: string[], weight = 1) => ({ ...peerExchange(day, from, to), weight });
  const result = await server.gql(RECORD_INTERACTIONS, {
    interactions: [
      tie('2019-09-10', 'fdn', ['a', 'b']),
      tie('2019-10-10', 'fdn', ['a'], 2),
      tie('2020-09-10', 'a', ['b']),
      tie('2020-10-10', 'b', ['c']),
    ],
  });
  expect(result.errors).toBeUndefined();
});
afterAll(() => server.stop());

const schoolYear = 'from=2019-08-01T00:00:00Z&to=2020-08-01T00:00:00Z';

describe('GET /export/<format>', () => {
  it('streams GraphML that a GraphML parser reads back with every attribute', async () => {
    const response = await fetch(`${server.url}/export/graphml?${schoolYear}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="copnet-2019-08-01_2020-08-01.graphml"');
    const graph = parseGraphml(UndirectedGraph, await response.text());
    // co-participation ties a–b come from the first interaction (2 participants ≤ the limit of 8)
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttributes('fdn')).toMatchObject({ name: 'Foundation & Friends', kind: 'FOUNDATION', region: 'WA', degree: 2 });
    const tieFdnA = graph.getEdgeAttributes(graph.edge('fdn', 'a')!);
    expect(tieFdnA).toMatchObject({ interactions: 2, weight: 3 });
  });

  it('streams GEXF that graphology-gexf reads back', async () => {
    const response = await fetch(`${server.url}/export/gexf?${schoolYear}&interactionKinds=PEER_EXCHANGE`);
    expect(response.status).toBe(200);
    const graph = parseGexf(UndirectedGraph, await response.text(), { addMissingNodes: false });
    expect(graph.order).toBe(3);
    expect(graph.getNodeAttribute('a', 'label')).toBe('Network "A"');
  });

  it('exports a dynamic GEXF of a series, with spells', async () => {
    const response = await fetch(`${server.url}/export/gexf-dynamic?from=2019-08-01&to=2021-08-01&step=SCHOOL_YEAR`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="copnet-series-2019-08-01_2021-08-01.gexf"');
    const doc = new DOMParser().parseFromString(await response.text(), 'text/xml');
    expect(doc.getElementsByTagName('graph')[0]!.getAttribute('mode')).toBe('dynamic');
    expect(doc.getElementsByTagName('node').length).toBe(4);
    expect(doc.getElementsByTagName('spell').length).toBeGreaterThan(0);
  });

  it('writes GEXF 1.2 beside 1.3 with version=1.2, static and dynamic, that graphology-gexf reads back', async () => {
    const response = await fetch(`${server.url}/export/gexf?${schoolYear}&version=1.2`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const root = new DOMParser().parseFromString(text, 'text/xml').documentElement;
    expect([root.getAttribute('version'), root.getAttribute('xmlns')]).toEqual(['1.2', 'http://www.gexf.net/1.2draft']);
    const graph = parseGexf(UndirectedGraph, text, { addMissingNodes: false });
    expect(graph.getNodeAttributes('a')).toMatchObject({ label: 'Network "A"', kind: 'INTERMEDIARY', network: 'a', core_number: 2 });
    expect(graph.getEdgeAttributes(graph.edge('fdn', 'a')!)).toMatchObject({ interactions: 2, tie_class: 'FOUNDATION' });
    expect(graph.getEdgeAttributes(graph.edge('a', 'b')!)).toMatchObject({ tie_class: 'CROSS_NETWORK' });

    const defaultVersion = new DOMParser().parseFromString(
      await (await fetch(`${server.url}/export/gexf?${schoolYear}`)).text(),
      'text/xml',
    );
    expect(defaultVersion.documentElement.getAttribute('version')).toBe('1.3');

    const dynamic = await fetch(`${server.url}/export/gexf-dynamic?from=2019-08-01&to=2021-08-01&step=SCHOOL_YEAR&version=1.2`);
    const doc = new DOMParser().parseFromString(await dynamic.text(), 'text/xml');
    expect([doc.documentElement.getAttribute('version'), doc.documentElement.getAttribute('xmlns')]).toEqual([
      '1.2',
      'http://www.gexf.net/1.2draft',
    ]);
    const graphElement = doc.getElementsByTagName('graph')[0]!;
    expect([graphElement.getAttribute('mode'), graphElement.hasAttribute('timerepresentation')]).toEqual(['dynamic', false]);
    expect(doc.getElementsByTagName('spell').length).toBeGreaterThan(0);
  });

  it('exports the metric series as CSV rows, with the story figures', async () => {
    const response = await fetch(`${server.url}/export/csv-series?from=2019-08-01&to=2021-08-01&step=SCHOOL_YEAR`);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('2019–20');
    const header = lines[0]!.split(',');
    const row = (line: string) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell]));
    // 2019–20: fdn–a, fdn–b (foundation), a–b (cross); fdn initiated both interactions
    expect(row(lines[1]!)).toMatchObject({
      tie_mix_foundation: String(2 / 3),
      tie_mix_cross_network: String(1 / 3),
      cross_network_tie_share: String(1 / 3),
      ei_index: '1',
      foundation_initiated_share: '1',
      initiated_by_foundation: '2',
      stage: 'MULTI_HUB',
    });
    // 2020–21: a–b, b–c, a path of three: without its hub b, 1 of 2 actors hold together (not under one half)
    expect(row(lines[2]!)).toMatchObject({
      tie_mix_foundation: '0',
      cross_network_tie_share: '1',
      foundation_initiated_share: '0',
      initiated_by_intermediary: '2',
      stage: 'MULTI_HUB',
      main_core_k: '1',
    });
  });

  it('refuses bad requests with 400 and a JSON body naming the parameter', async () => {
    const cases: [string, unknown][] = [
      [`/export/pdf?${schoolYear}`, { field: 'format', error: expect.stringContaining('format: "pdf" is not one of gexf') }],
      [
        '/export/gexf?from=2020-01-01&to=2019-01-01',
        { field: 'from', error: 'from: "2020-01-01" must be before to (2019-01-01T00:00:00.000Z)' },
      ],
      ['/export/gexf?to=2019-01-01', { field: 'from', error: 'from: (missing) is required' }],
      [
        `/export/gexf?${schoolYear}&actorKinds=SCHOOL,CHURCH`,
        { field: 'actorKinds[1]', error: expect.stringContaining('actorKinds[1]: "CHURCH" is not one of') },
      ],
      [`/export/gexf-dynamic?${schoolYear}`, { field: 'step', error: 'step: (missing) is required' }],
      [`/export/gexf?${schoolYear}&step=MONTH`, { field: 'step', error: 'step: "MONTH" applies to series formats only, not gexf' }],
      [`/export/gexf?${schoolYear}&version=1.1`, { field: 'version', error: 'version: "1.1" is not one of 1.3, 1.2' }],
      [
        `/export/csv-series?${schoolYear}&step=MONTH&windowSize=0`,
        { field: 'windowSize', error: 'windowSize: "0" must be a whole number from 1 to 520' },
      ],
      [
        `/export/csv-series?${schoolYear}&step=MONTH&windowSize=521`,
        { field: 'windowSize', error: 'windowSize: "521" must be a whole number from 1 to 520' },
      ],
      [
        `/export/graphml?${schoolYear}&version=1.2`,
        { field: 'version', error: 'version: "1.2" applies to the GEXF formats only, not graphml' },
      ],
      // A repeated parameter is refused, not read as its first value.
      [
        '/export/gexf?from=2019-08-01&to=2020-08-01&from=2018-08-01',
        { field: 'from', error: 'from: ["2019-08-01","2018-08-01"] is given 2 times; give it once' },
      ],
      [
        `/export/gexf?${schoolYear}&version=1.2&version=1.3`,
        { field: 'version', error: 'version: ["1.2","1.3"] is given 2 times; give it once' },
      ],
      [
        `/export/gexf?${schoolYear}&actorKinds=SCHOOL&actorKinds=FOUNDATION&actorKinds=SCHOOL`,
        {
          field: 'actorKinds',
          error:
            'actorKinds: ["SCHOOL","FOUNDATION","SCHOOL"] is given 3 times; give a list once, comma-separated: actorKinds=SCHOOL,FOUNDATION,SCHOOL',
        },
      ],
    ];
    for (const [path, body] of cases) {
      const response = await fetch(`${server.url}${path}`);
      expect([path, response.status, await response.json()]).toEqual([path, 400, body]);
    }
  });
});
