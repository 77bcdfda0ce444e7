import { UndirectedGraph } from 'graphology';
import { exportToBuffer } from '../../src/export/write-export';
import { ACTORS, CANONICAL_TIE_CLASSES, CANONICAL_TIES, ISO, fixtureExport, metricsOf } from './fixture';

describe('JSON export (graphology serialization)', () => {
  it('imports into a graphology graph with window, actor metrics and ties under camelCase names', async () => {
    const json: unknown = JSON.parse((await exportToBuffer({ format: 'json', data: fixtureExport() })).toString('utf8'));
    const graph = UndirectedGraph.from(json as Parameters<typeof UndirectedGraph.from>[0]);
    expect(graph.getAttributes()).toEqual({ windowFrom: '2019-08-01T00:00:00.000Z', windowTo: '2020-08-01T00:00:00.000Z' });
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(5);
    expect(graph.nodes()).toEqual(['fnd', 'int-1', 'sch-1', 'sch-2', 'sp']);
    for (const actor of ACTORS) {
      const { actorId: _id, ...metrics } = metricsOf(actor.id);
      expect(graph.getNodeAttributes(actor.id)).toEqual({
        name: actor.name,
        kind: actor.kind,
        region: actor.region,
        network: actor.networkId ?? null,
        ...metrics,
      });
    }
    CANONICAL_TIES.forEach(([source, target, tie], i) => {
      expect([graph.source(`e${i}`), graph.target(`e${i}`)]).toEqual([source, target]);
      expect(graph.getEdgeAttributes(`e${i}`)).toEqual({
        interactions: tie.interactions,
        weight: tie.weight,
        firstAt: ISO(tie.firstAt),
        lastAt: ISO(tie.lastAt),
        tieClass: CANONICAL_TIE_CLASSES[i],
      });
    });
  });

  it('keeps graphology options: undirected, simple, no self-loops', async () => {
    const json = JSON.parse((await exportToBuffer({ format: 'json', data: fixtureExport() })).toString('utf8')) as { options: unknown };
    expect(json.options).toEqual({ type: 'undirected', multi: false, allowSelfLoops: false });
  });
});
