/**
 * What the GEXF and GraphML tests expect to read back from an export of the fixture: its
 * actors, its ties, and the GEXF types of the metric attributes.
 */
import type Graph from 'graphology';
import { ACTORS, CANONICAL_TIE_CLASSES, CANONICAL_TIES, ISO, snakeMetrics } from './fixture';

/** GEXF attribute types of the metrics, static or dynamic: doubles stay double even when every value is whole. */
export const GEXF_METRIC_TYPES = {
  degree: 'integer',
  degree_centrality: 'double',
  betweenness: 'double',
  closeness: 'double',
  eigenvector: 'double',
  pagerank: 'double',
  clustering: 'double', // every clustering value is 0 or 1: graphology-gexf alone would say integer
  community: 'integer',
  constraint: 'double',
  effective_size: 'double', // whole numbers in this fixture too
  core_number: 'integer',
};

/** Every fixture actor, its name under `nameKey` (GEXF: label, GraphML: name), with kind, region, network and metrics. */
export function expectFixtureActors(graph: Graph, nameKey: 'label' | 'name'): void {
  expect(graph.order).toBe(5);
  expect(graph.size).toBe(5);
  expect(graph.nodes()).toEqual(['fnd', 'int-1', 'sch-1', 'sch-2', 'sp']);
  for (const actor of ACTORS) {
    const expected: Record<string, unknown> = { [nameKey]: actor.name, kind: actor.kind, ...snakeMetrics(actor.id) };
    if (actor.region !== null) expected.region = actor.region;
    if (actor.networkId) expected.network = actor.networkId;
    expect(graph.getNodeAttributes(actor.id)).toEqual(expected);
  }
}

/** Every fixture tie under its id e0… in canonical order, with weight, interactions, first/last dates and tie class. */
export function expectFixtureTies(graph: Graph): void {
  CANONICAL_TIES.forEach(([source, target, tie], i) => {
    const key = `e${i}`;
    expect([graph.source(key), graph.target(key)]).toEqual([source, target]);
    expect(graph.getEdgeAttributes(key)).toEqual({
      weight: tie.weight,
      interactions: tie.interactions,
      first_at: ISO(tie.firstAt),
      last_at: ISO(tie.lastAt),
      tie_class: CANONICAL_TIE_CLASSES[i],
    });
  });
}
