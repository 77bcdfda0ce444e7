import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import type { TimeWindow } from '../../src/domain/time-window';
import type { NetworkExport } from '../../src/export/export-data';
import { exportToBuffer } from '../../src/export/write-export';
import { slotsOf } from '../../src/export/gexf-dynamic';
import type { TieAttributes } from '../../src/projection/tie-network';
import { ACTORS, METRICS, buildNetwork } from './fixture';
import { GEXF_METRIC_TYPES } from './read-back';
import { elements, gexfDeclarations, parseXml, type XmlElement } from './xml';

const year = (y: number): TimeWindow => ({ from: new Date(Date.UTC(y, 7, 1)), to: new Date(Date.UTC(y + 1, 7, 1)) });
const tie = (interactions: number, weight: number, firstAt: string, lastAt: string): TieAttributes => ({
  interactions,
  weight,
  firstAt: Date.parse(firstAt),
  lastAt: Date.parse(lastAt),
});

/** A window's network over the fixture actors it touches, each with the fixture metrics but its own degree. */
function windowExport(window: TimeWindow, ties: readonly (readonly [string, string, TieAttributes])[]): NetworkExport {
  const ids = [...new Set(ties.flatMap(([a, b]) => [a, b]))];
  const network = buildNetwork(
    ACTORS.filter((a) => ids.includes(a.id)),
    ties,
  );
  const actors = ids.map((id) => ({ ...METRICS.find((m) => m.actorId === id)!, degree: network.degree(id) }));
  return { window, network, actors };
}

/**
 * Three school years: fnd–sch-1 in the first two, fnd–sch-2 in the first and the third
 * (absent in between), sch-1–sch-2 only in the second, int-1–sch-2 only in the third.
 */
const SERIES: NetworkExport[] = [
  windowExport(year(2019), [
    ['sch-1', 'fnd', tie(3, 4.5, '2019-09-03T09:00:00Z', '2020-03-15T14:30:00Z')],
    ['fnd', 'sch-2', tie(1, 1, '2019-10-01T12:00:00Z', '2019-10-01T12:00:00Z')],
  ]),
  windowExport(year(2020), [
    ['fnd', 'sch-1', tie(2, 2.5, '2020-09-01T00:00:00Z', '2021-01-01T00:00:00Z')],
    ['sch-2', 'sch-1', tie(1, 0.25, '2021-02-02T00:00:00Z', '2021-02-02T00:00:00Z')],
  ]),
  windowExport(year(2021), [
    ['fnd', 'sch-2', tie(4, 6, '2021-08-01T00:00:00Z', '2022-07-31T00:00:00Z')],
    ['int-1', 'sch-2', tie(1, 1, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')],
  ]),
];

async function dynamicOf(series: readonly NetworkExport[] = SERIES): Promise<string> {
  return (await exportToBuffer({ format: 'gexf-dynamic', data: series })).toString('utf8');
}

function spellsOf(element: XmlElement): [string, string][] {
  return elements(element, 'spell').map((s) => [s.getAttribute('start')!, s.getAttribute('end')!]);
}

function byId(doc: Document, tag: 'node' | 'edge', id: string): XmlElement {
  const found = elements(doc, tag).find((e) => e.getAttribute('id') === id);
  if (!found) throw new Error(`no ${tag} ${id}`);
  return found;
}

function attvalues(element: XmlElement, name: string): [string, string | null, string | null][] {
  return elements(element, 'attvalue')
    .filter((a) => a.getAttribute('for') === name)
    .map((a) => [
      a.getAttribute('value')!,
      a.hasAttribute('start') ? a.getAttribute('start') : null,
      a.hasAttribute('end') ? a.getAttribute('end') : null,
    ]);
}

describe('dynamic GEXF export of a series', () => {
  it('is a dynamic GEXF 1.3 graph spanning the series, with dates as the time format', async () => {
    const doc = parseXml(await dynamicOf());
    expect(doc.documentElement.getAttribute('version')).toBe('1.3');
    const graph = elements(doc, 'graph')[0]!;
    expect([graph.getAttribute('mode'), graph.getAttribute('timeformat'), graph.getAttribute('defaultedgetype')]).toEqual([
      'dynamic',
      'date',
      'undirected',
    ]);
    expect([graph.getAttribute('start'), graph.getAttribute('end')]).toEqual(['2019-08-01', '2022-08-01']);
  });

  it('declares kind, region and network static, every metric dynamic, tie interactions and weight dynamic', async () => {
    const doc = parseXml(await dynamicOf());
    expect(gexfDeclarations(doc, 'node', 'static')).toEqual({ kind: 'string', region: 'string', network: 'string' });
    expect(gexfDeclarations(doc, 'node', 'dynamic')).toEqual(GEXF_METRIC_TYPES);
    expect(gexfDeclarations(doc, 'edge', 'static')).toEqual({ first_at: 'string', last_at: 'string', tie_class: 'string' });
    expect(gexfDeclarations(doc, 'edge', 'dynamic')).toEqual({ interactions: 'integer', weight: 'double' });
  });

  it('gives each actor one spell per run of consecutive windows it is present in', async () => {
    const doc = parseXml(await dynamicOf());
    expect(elements(doc, 'node').map((n) => n.getAttribute('id'))).toEqual(['fnd', 'int-1', 'sch-1', 'sch-2']);
    expect(spellsOf(byId(doc, 'node', 'fnd'))).toEqual([['2019-08-01', '2022-08-01']]);
    expect(spellsOf(byId(doc, 'node', 'sch-1'))).toEqual([['2019-08-01', '2021-08-01']]);
    expect(spellsOf(byId(doc, 'node', 'sch-2'))).toEqual([['2019-08-01', '2022-08-01']]);
    expect(spellsOf(byId(doc, 'node', 'int-1'))).toEqual([['2021-08-01', '2022-08-01']]);
    expect(byId(doc, 'node', 'sch-1').getAttribute('label')).toBe('A & B <Schools>');
  });

  it('gives each tie its spells, split where it is absent, with ids by (source, target)', async () => {
    const doc = parseXml(await dynamicOf());
    const edges = elements(doc, 'edge').map((e) => [e.getAttribute('id'), e.getAttribute('source'), e.getAttribute('target'), spellsOf(e)]);
    expect(edges).toEqual([
      ['e0', 'fnd', 'sch-1', [['2019-08-01', '2021-08-01']]],
      [
        'e1',
        'fnd',
        'sch-2',
        [
          ['2019-08-01', '2020-08-01'],
          ['2021-08-01', '2022-08-01'],
        ],
      ],
      ['e2', 'int-1', 'sch-2', [['2021-08-01', '2022-08-01']]],
      ['e3', 'sch-1', 'sch-2', [['2020-08-01', '2021-08-01']]],
    ]);
  });

  it('writes per-window values over each window, and first/last interaction over the series', async () => {
    const doc = parseXml(await dynamicOf());
    expect(attvalues(byId(doc, 'node', 'fnd'), 'degree')).toEqual([
      ['2', '2019-08-01', '2020-08-01'],
      ['1', '2020-08-01', '2021-08-01'],
      ['1', '2021-08-01', '2022-08-01'],
    ]);
    expect(attvalues(byId(doc, 'node', 'sch-2'), 'eigenvector')).toEqual([
      ['0.5', '2019-08-01', '2020-08-01'],
      ['0.5', '2020-08-01', '2021-08-01'],
      ['0.5', '2021-08-01', '2022-08-01'],
    ]);
    expect(attvalues(byId(doc, 'node', 'sch-1'), 'kind')).toEqual([['SCHOOL', null, null]]);
    expect(attvalues(byId(doc, 'node', 'sch-1'), 'region')).toEqual([]);
    const e1 = byId(doc, 'edge', 'e1');
    expect(attvalues(e1, 'weight')).toEqual([
      ['1', '2019-08-01', '2020-08-01'],
      ['6', '2021-08-01', '2022-08-01'],
    ]);
    expect(attvalues(e1, 'interactions')).toEqual([
      ['1', '2019-08-01', '2020-08-01'],
      ['4', '2021-08-01', '2022-08-01'],
    ]);
    expect(attvalues(e1, 'first_at')).toEqual([['2019-10-01T12:00:00.000Z', null, null]]);
    expect(attvalues(e1, 'last_at')).toEqual([['2022-07-31T00:00:00.000Z', null, null]]);
  });

  it('reads back with graphology-gexf as the union of all windows (it ignores time)', async () => {
    // graphology-gexf keeps only the last <attributes> block per class, hence allowUndeclaredAttributes.
    const graph = parse(Graph, await dynamicOf(), { allowUndeclaredAttributes: true });
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(graph.getNodeAttribute('sch-2', 'label')).toBe("École Saint-Jérôme — 学校 'Ω' 😀");
    expect(graph.getNodeAttribute('sch-2', 'kind')).toBe('SCHOOL');
  });

  it('uses dateTime when a boundary is not midnight UTC', async () => {
    const at9 = (iso: string) => new Date(`${iso}T09:00:00Z`);
    const series = [
      windowExport({ from: at9('2020-01-06'), to: at9('2020-01-13') }, [
        ['fnd', 'sch-1', tie(1, 1, '2020-01-07T00:00:00Z', '2020-01-07T00:00:00Z')],
      ]),
      windowExport({ from: at9('2020-01-13'), to: at9('2020-01-20') }, [
        ['fnd', 'sch-1', tie(1, 1, '2020-01-14T00:00:00Z', '2020-01-14T00:00:00Z')],
      ]),
    ];
    const doc = parseXml(await dynamicOf(series));
    expect(elements(doc, 'graph')[0]!.getAttribute('timeformat')).toBe('dateTime');
    expect(spellsOf(byId(doc, 'edge', 'e0'))).toEqual([['2020-01-06T09:00:00.000Z', '2020-01-20T09:00:00.000Z']]);
  });
});

describe('time slots of a series', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const ms = (iso: string) => d(iso).getTime();

  it('back-to-back windows: each window is its own slot', () => {
    expect(slotsOf([year(2019), year(2020)])).toEqual([
      { start: ms('2019-08-01'), end: ms('2020-08-01') },
      { start: ms('2020-08-01'), end: ms('2021-08-01') },
    ]);
  });

  it('rolling windows: the first window whole, then the last step of each', () => {
    const windows = [
      { from: d('2020-01-01'), to: d('2020-04-01') },
      { from: d('2020-02-01'), to: d('2020-05-01') },
      { from: d('2020-03-01'), to: d('2020-06-01') },
    ];
    expect(slotsOf(windows)).toEqual([
      { start: ms('2020-01-01'), end: ms('2020-04-01') },
      { start: ms('2020-04-01'), end: ms('2020-05-01') },
      { start: ms('2020-05-01'), end: ms('2020-06-01') },
    ]);
  });

  it('expanding windows: each slot is what the window adds', () => {
    const windows = [
      { from: d('2020-01-01'), to: d('2020-02-01') },
      { from: d('2020-01-01'), to: d('2020-03-01') },
    ];
    expect(slotsOf(windows)).toEqual([
      { start: ms('2020-01-01'), end: ms('2020-02-01') },
      { start: ms('2020-02-01'), end: ms('2020-03-01') },
    ]);
  });

  it('rejects an empty series and windows out of order', () => {
    expect(() => slotsOf([])).toThrow('windows: [] must hold at least one window');
    expect(() => slotsOf([year(2020), year(2019)])).toThrow(
      'windows[1].to: 2020-08-01T00:00:00.000Z must be after windows[0].to (windows in order)',
    );
  });
});
