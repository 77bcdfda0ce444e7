import { UndirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { exportToBuffer, renderExport } from '../../src/export/write-export';
import { METRICS, SCHOOL_YEAR, buildNetwork, fixtureExport } from './fixture';
import { expectFixtureActors, expectFixtureTies } from './read-back';
import { elements, parseXml } from './xml';

async function graphmlOf(data = fixtureExport()): Promise<string> {
  return (await exportToBuffer({ format: 'graphml', data })).toString('utf8');
}

describe('GraphML export', () => {
  it('declares typed keys whose ids are their attribute names, and an undirected graph', async () => {
    const doc = parseXml(await graphmlOf());
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://graphml.graphdrawing.org/xmlns');
    const keys = elements(doc, 'key').map((key) => [
      key.getAttribute('for'),
      key.getAttribute('id'),
      key.getAttribute('attr.name'),
      key.getAttribute('attr.type'),
    ]);
    expect(keys).toEqual([
      ['graph', 'window_from', 'window_from', 'string'],
      ['graph', 'window_to', 'window_to', 'string'],
      ['node', 'name', 'name', 'string'],
      ['node', 'kind', 'kind', 'string'],
      ['node', 'region', 'region', 'string'],
      ['node', 'network', 'network', 'string'],
      ['node', 'degree', 'degree', 'int'],
      ['node', 'degree_centrality', 'degree_centrality', 'double'],
      ['node', 'betweenness', 'betweenness', 'double'],
      ['node', 'closeness', 'closeness', 'double'],
      ['node', 'eigenvector', 'eigenvector', 'double'],
      ['node', 'pagerank', 'pagerank', 'double'],
      ['node', 'clustering', 'clustering', 'double'],
      ['node', 'community', 'community', 'int'],
      ['node', 'constraint', 'constraint', 'double'],
      ['node', 'effective_size', 'effective_size', 'double'],
      ['node', 'core_number', 'core_number', 'int'],
      ['edge', 'interactions', 'interactions', 'int'],
      ['edge', 'weight', 'weight', 'double'],
      ['edge', 'first_at', 'first_at', 'string'],
      ['edge', 'last_at', 'last_at', 'string'],
      ['edge', 'tie_class', 'tie_class', 'string'],
    ]);
    expect(elements(doc, 'graph')[0]!.getAttribute('edgedefault')).toBe('undirected');
  });

  it('reads back with graphology-graphml: window, actors with name, kind, region and metrics', async () => {
    const graph = parse(UndirectedGraph, await graphmlOf());
    expect(graph.getAttribute('window_from')).toBe('2019-08-01T00:00:00.000Z');
    expect(graph.getAttribute('window_to')).toBe('2020-08-01T00:00:00.000Z');
    expectFixtureActors(graph, 'name');
  });

  it('reads back every tie with interactions, weight, first_at, last_at and tie_class', async () => {
    const graph = parse(UndirectedGraph, await graphmlOf());
    expectFixtureTies(graph);
  });

  it('escapes ids too', async () => {
    const actors = [
      { id: 'a&<"b">', name: 'x', kind: 'SCHOOL' as const, region: null },
      { id: "c'd", name: 'y', kind: 'SCHOOL' as const, region: null },
    ];
    const network = buildNetwork(actors, [['a&<"b">', "c'd", { interactions: 1, weight: 1, firstAt: 0, lastAt: 0 }]]);
    const metrics = actors.map(({ id }) => ({ ...METRICS[0]!, actorId: id }));
    const graph = parse(UndirectedGraph, await graphmlOf({ window: SCHOOL_YEAR, network, actors: metrics }));
    expect(graph.nodes()).toEqual(['a&<"b">', "c'd"]);
    expect(graph.hasEdge('a&<"b">', "c'd")).toBe(true);
  });

  it('streams a large network in several chunks that join into one valid document', async () => {
    const actors = Array.from({ length: 1500 }, (_, i) => ({
      id: `n${String(i).padStart(4, '0')}`,
      name: `Actor ${i} & co`,
      kind: 'SCHOOL' as const,
      region: null,
    }));
    const ties = actors
      .slice(1)
      .map((actor, i) => [actors[i]!.id, actor.id, { interactions: 1, weight: 1, firstAt: 0, lastAt: 0 }] as const);
    const metrics = actors.map(({ id }) => ({ ...METRICS[0]!, actorId: id }));
    const chunks: Buffer[] = [];
    for await (const chunk of renderExport({
      format: 'graphml',
      data: { window: SCHOOL_YEAR, network: buildNetwork(actors, ties), actors: metrics },
    })) {
      chunks.push(chunk as Buffer);
    }
    expect(chunks.length).toBeGreaterThan(5);
    const graph = parse(UndirectedGraph, Buffer.concat(chunks).toString('utf8'));
    expect(graph.order).toBe(1500);
    expect(graph.size).toBe(1499);
  });
});
