/**
 * JSON in graphology's serialization format (`graph.export()`: options, attributes, nodes,
 * edges), so `UndirectedGraph.from(JSON.parse(text))` rebuilds the network. Unlike the
 * file formats it keeps copnet's camelCase names, as in the GraphQL API:
 * - graph attributes: windowFrom, windowTo (ISO 8601);
 * - node attributes: name, kind, region (null when unknown), network (null for none), then
 *   every per-actor metric (degree, degreeCentrality, betweenness, closeness, eigenvector,
 *   pagerank, clustering, community, constraint, effectiveSize, coreNumber);
 * - edge attributes: interactions, weight, firstAt, lastAt (ISO 8601), tieClass.
 * Nodes sorted by id, edges e0, e1, … by (source, target). Built as one string per document.
 */
import { UndirectedGraph } from 'graphology';
import { ACTOR_METRIC_KEYS, isoOf } from './columns';
import type { PreparedNetwork } from './export-data';

export function jsonDocument(prepared: PreparedNetwork): string {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  graph.replaceAttributes({
    windowFrom: prepared.window.from.toISOString(),
    windowTo: prepared.window.to.toISOString(),
  });
  for (const actor of prepared.actors) {
    const metrics = Object.fromEntries(ACTOR_METRIC_KEYS.map((key) => [key, actor.metrics[key]]));
    graph.addNode(actor.id, { name: actor.name, kind: actor.kind, region: actor.region, network: actor.networkId, ...metrics });
  }
  for (const tie of prepared.ties) {
    graph.addEdgeWithKey(tie.id, tie.source, tie.target, {
      interactions: tie.interactions,
      weight: tie.weight,
      firstAt: isoOf(tie.firstAt),
      lastAt: isoOf(tie.lastAt),
      tieClass: tie.tieClass,
    });
  }
  return `${JSON.stringify(graph.export())}\n`;
}
