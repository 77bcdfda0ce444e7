/**
 * GraphML of one window, for networkx.read_graphml, python-igraph and R's igraph.
 *
 * `edgedefault="undirected"`; every attribute has a typed `<key>` (attr.type string, int
 * or double) whose id equals its attr.name: graph keys window_from and window_to, node
 * keys name, kind, region and every per-actor metric, edge keys interactions, weight,
 * first_at and last_at (see columns.ts). Node ids are actor ids; a missing value (an
 * unknown region) is left out, which networkx reads as an absent attribute and igraph as
 * an empty string. Written with xml-writer, which escapes (xml-chunks.ts); streamed in chunks.
 */
import type { Column } from './columns';
import { ACTOR_ATTRIBUTE_COLUMNS, TIE_ATTRIBUTE_COLUMNS } from './columns';
import type { PreparedNetwork } from './export-data';
import { CHUNK_SIZE, xmlChunkWriter, type XmlChunkWriter } from './xml-chunks';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

type Window = PreparedNetwork['window'];
const GRAPH_COLUMNS: readonly Column<Window>[] = [
  { name: 'window_from', type: 'string', value: (window) => window.from.toISOString() },
  { name: 'window_to', type: 'string', value: (window) => window.to.toISOString() },
];

export function* graphmlChunks(prepared: PreparedNetwork): Generator<string> {
  const xml = xmlChunkWriter();
  xml.open('graphml', {
    xmlns: GRAPHML_NS,
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd`,
  });
  const keys: [string, readonly Column<never>[]][] = [
    ['graph', GRAPH_COLUMNS],
    ['node', ACTOR_ATTRIBUTE_COLUMNS],
    ['edge', TIE_ATTRIBUTE_COLUMNS],
  ];
  for (const [domain, columns] of keys) {
    for (const column of columns) {
      xml.leaf('key', { id: column.name, for: domain, 'attr.name': column.name, 'attr.type': column.type });
    }
  }
  xml.open('graph', { id: 'copnet', edgedefault: 'undirected' });
  writeData(xml, GRAPH_COLUMNS, prepared.window);
  for (const actor of prepared.actors) {
    xml.open('node', { id: actor.id });
    writeData(xml, ACTOR_ATTRIBUTE_COLUMNS, actor);
    xml.close();
    if (xml.buffered() >= CHUNK_SIZE) yield xml.take();
  }
  for (const tie of prepared.ties) {
    xml.open('edge', { id: tie.id, source: tie.source, target: tie.target });
    writeData(xml, TIE_ATTRIBUTE_COLUMNS, tie);
    xml.close();
    if (xml.buffered() >= CHUNK_SIZE) yield xml.take();
  }
  xml.end();
  yield xml.take();
}

function writeData<Row>(xml: XmlChunkWriter, columns: readonly Column<Row>[], row: Row): void {
  for (const column of columns) {
    const value = column.value(row);
    if (value !== null) xml.leaf('data', { key: column.name }, String(value));
  }
}
