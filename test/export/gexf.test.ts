import Graph, { UndirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { exportToBuffer } from '../../src/export/write-export';
import { METRICS, SCHOOL_YEAR, buildNetwork, fixtureExport } from './fixture';
import { GEXF_METRIC_TYPES, expectFixtureActors, expectFixtureTies } from './read-back';
import { elements, gexfDeclarations, parseXml } from './xml';

async function gexfOf(data = fixtureExport()): Promise<string> {
  return (await exportToBuffer({ format: 'gexf', data })).toString('utf8');
}

describe('static GEXF export', () => {
  it('is GEXF 1.3 with an undirected graph', async () => {
    const doc = parseXml(await gexfOf());
    const root = doc.documentElement;
    expect(root.tagName).toBe('gexf');
    expect(root.getAttribute('version')).toBe('1.3');
    expect(root.getAttribute('xmlns')).toBe('http://gexf.net/1.3');
    expect(elements(doc, 'graph')[0]!.getAttribute('defaultedgetype')).toBe('undirected');
    expect(elements(doc, 'creator')[0]!.textContent).toBe('copnet');
  });

  it('declares every attribute with its type, doubles as double even when all values are whole', async () => {
    const doc = parseXml(await gexfOf());
    expect(gexfDeclarations(doc, 'node')).toEqual({
      kind: 'string',
      region: 'string',
      network: 'string',
      ...GEXF_METRIC_TYPES,
    });
    expect(gexfDeclarations(doc, 'edge')).toEqual({ interactions: 'integer', first_at: 'string', last_at: 'string', tie_class: 'string' });
  });

  it('reads back with graphology-gexf: every actor with its name as label, kind, region and metrics', async () => {
    const graph = parse(UndirectedGraph, await gexfOf());
    expectFixtureActors(graph, 'label');
  });

  it('reads back every tie with its weight, interaction count and first/last dates, ids in canonical order', async () => {
    const graph = parse(UndirectedGraph, await gexfOf());
    expectFixtureTies(graph);
  });

  it('replaces characters XML cannot carry and still parses', async () => {
    const actors = [
      { id: 'a', name: 'Bell\u0007Ring', kind: 'SCHOOL' as const, region: null },
      { id: 'b', name: 'Plain', kind: 'SCHOOL' as const, region: 'Tab\there' },
    ];
    const network = buildNetwork(actors, [['a', 'b', { interactions: 1, weight: 1, firstAt: 0, lastAt: 0 }]]);
    const metrics = ['a', 'b'].map((actorId) => ({ ...METRICS[0]!, actorId }));
    const graph = parse(UndirectedGraph, await gexfOf({ window: SCHOOL_YEAR, network, actors: metrics }));
    expect(graph.getNodeAttribute('a', 'label')).toBe('Bell\uFFFDRing');
    expect(graph.getNodeAttribute('b', 'region')).toBe('Tab\there');
  });

  it('writes an empty window as a valid document without nodes', async () => {
    // graphology-gexf guesses a graph type from the first edge, so read an edgeless file as a generic Graph.
    const graph = parse(Graph, await gexfOf({ window: SCHOOL_YEAR, network: buildNetwork([], []), actors: [] }));
    expect(graph.order).toBe(0);
    expect(graph.size).toBe(0);
  });
});
