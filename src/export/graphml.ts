/**
 * GraphML of one window, for networkx.read_graphml, python-igraph and R's igraph.
 *
 * `edgedefault="undirected"`; every attribute has a typed `<key>` (attr.type string, int
 * or double) whose id equals its attr.name: graph keys window_from and window_to, node
 * keys name, kind, region and every per-actor metric, edge keys interactions, weight,
 * first_at and last_at (see columns.ts). Node ids are actor ids; a missing value (an
 * unknown region) is left out, which networkx reads as an absent attribute and igraph as
 * an empty string. Written with xmlbuilder2, which escapes; streamed in chunks.
 */
import type { Column, CellValue } from './columns';
import { ACTOR_ATTRIBUTE_COLUMNS, TIE_ATTRIBUTE_COLUMNS } from './columns';
import type { PreparedNetwork } from './export-data';
import { CHUNK_SIZE, xmlChunkWriter } from './xml-chunks';
import { xmlText } from './xml-text';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

type Window = PreparedNetwork['window'];
const GRAPH_COLUMNS: readonly Column<Window>[] = [
  { name: 'window_from', type: 'string', value: (window) => window.from.toISOString() },
  { name: 'window_to', type: 'string', value: (window) => window.to.toISOString() },
];

export function* graphmlChunks(prepared: PreparedNetwork): Generator<string> {
  const { xml, buffered, take } = xmlChunkWriter();
  xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
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
      xml.ele('key', { id: column.name, for: domain, 'attr.name': column.name, 'attr.type': column.type }).up();
    }
  }
  xml.ele('graph', { id: 'copnet', edgedefault: 'undirected' });
  writeData(xml, GRAPH_COLUMNS, prepared.window);
  for (const actor of prepared.actors) {
    xml.ele('node', { id: xmlText(actor.id) });
    writeData(xml, ACTOR_ATTRIBUTE_COLUMNS, actor);
    xml.up();
    if (buffered() >= CHUNK_SIZE) yield take();
  }
  for (const tie of prepared.ties) {
    xml.ele('edge', { id: tie.id, source: xmlText(tie.source), target: xmlText(tie.target) });
    writeData(xml, TIE_ATTRIBUTE_COLUMNS, tie);
    xml.up();
    if (buffered() >= CHUNK_SIZE) yield take();
  }
  xml.up().up().end();
  yield `${take()}\n`;
}

function writeData<Row>(xml: ReturnType<typeof xmlChunkWriter>['xml'], columns: readonly Column<Row>[], row: Row): void {
  for (const column of columns) {
    const value = column.value(row);
    if (value !== null) xml.ele('data', { key: column.name }).txt(cellText(value)).up();
  }
}

function cellText(value: Exclude<CellValue, null>): string {
  return typeof value === 'string' ? xmlText(value) : String(value);
}
