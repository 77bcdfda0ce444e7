/**
 * Static GEXF 1.3 (or 1.2, `version`) of one window, for Gephi and networkx, written by
 * graphology-gexf.
 *
 * Nodes: id = actor id, label = actor name, attributes kind, region and every per-actor
 * metric (see columns.ts). Edges: GEXF's own `weight` = summed interaction weight, and
 * attributes interactions, first_at, last_at (ISO 8601 strings). graphology-gexf infers
 * each attribute's type from the values; a metric column whose values all happen to be
 * whole numbers (every betweenness 0, say) would be declared `integer`, so the declared
 * type of every double column is corrected to `double` after writing. An attribute with
 * no value on any node (region unknown everywhere) is not declared at all.
 *
 * Built as one string per document (graphology-gexf has no streaming writer).
 */
import { write } from 'graphology-gexf';
import { UndirectedGraph } from 'graphology';
import { ACTOR_ATTRIBUTE_COLUMNS, TIE_ATTRIBUTE_COLUMNS, type CellValue } from './columns';
import type { PreparedNetwork } from './export-data';
import type { GexfVersion } from './export-format';
import { xmlText } from './xml-text';

type NodeAttributes = { label: string; attributes: Record<string, CellValue> };
type EdgeAttributes = { weight: number; attributes: Record<string, CellValue> };

export function gexfDocument(prepared: PreparedNetwork, version: GexfVersion = '1.3'): string {
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
  graph.replaceAttributes({
    creator: 'copnet',
    description: xmlText(`copnet tie network of the window [${prepared.window.from.toISOString()}, ${prepared.window.to.toISOString()})`),
  });
  for (const actor of prepared.actors) {
    const attributes: Record<string, CellValue> = {};
    for (const column of ACTOR_ATTRIBUTE_COLUMNS) {
      if (column.name !== 'name') attributes[column.name] = textSafe(column.value(actor));
    }
    graph.addNode(xmlText(actor.id), { label: xmlText(actor.name), attributes });
  }
  for (const tie of prepared.ties) {
    const attributes: Record<string, CellValue> = {};
    for (const column of TIE_ATTRIBUTE_COLUMNS) {
      if (column.name !== 'weight') attributes[column.name] = textSafe(column.value(tie));
    }
    graph.addEdgeWithKey(tie.id, xmlText(tie.source), xmlText(tie.target), { weight: tie.weight, attributes });
  }
  const gexf = write(graph, {
    version,
    formatNode: (_key, node) => ({ label: node.label, attributes: node.attributes }),
    formatEdge: (_key, edge) => ({ weight: edge.weight, attributes: edge.attributes }),
  });
  return declareDoubles(
    gexf,
    [...ACTOR_ATTRIBUTE_COLUMNS, ...TIE_ATTRIBUTE_COLUMNS].filter((c) => c.type === 'double').map((c) => c.name),
  );
}

function textSafe(value: CellValue): CellValue {
  return typeof value === 'string' ? xmlText(value) : value;
}

/** Rewrites `<attribute id="x" title="x" type="integer"/>` (or long) to type="double" for the named columns. */
function declareDoubles(gexf: string, names: readonly string[]): string {
  let out = gexf;
  for (const name of names) {
    for (const inferred of ['integer', 'long']) {
      out = out.replace(
        `<attribute id="${name}" title="${name}" type="${inferred}"/>`,
        `<attribute id="${name}" title="${name}" type="double"/>`,
      );
    }
  }
  return out;
}
