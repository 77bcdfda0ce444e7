/// <reference lib="webworker" />
/**
 * ForceAtlas2 off the main thread: receives the window's actors (with carried-over
 * starting positions) and ties, runs a fixed number of iterations and posts the positions
 * back, so the page stays responsive while 700+ actors settle.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  readonly id: number;
  readonly ids: readonly string[];
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly edges: readonly (readonly [number, number, number])[];
  readonly iterations: number;
}

export interface LayoutResponse {
  readonly id: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, ids, xs, ys, edges, iterations } = event.data;
  const graph = new Graph({ type: 'undirected', multi: false });
  ids.forEach((key, i) => graph.addNode(key, { x: xs[i], y: ys[i] }));
  for (const [a, b, weight] of edges) {
    const source = ids[a]!;
    const target = ids[b]!;
    if (source !== target && !graph.hasEdge(source, target)) graph.addEdge(source, target, { weight });
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 300,
    adjustSizes: false,
    edgeWeightInfluence: 0.5,
  };
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: 'weight' });
  const outX = new Float64Array(ids.length);
  const outY = new Float64Array(ids.length);
  ids.forEach((key, i) => {
    outX[i] = graph.getNodeAttribute(key, 'x') as number;
    outY[i] = graph.getNodeAttribute(key, 'y') as number;
  });
  const response: LayoutResponse = { id, xs: outX, ys: outY };
  (self as unknown as Worker).postMessage(response, [outX.buffer, outY.buffer]);
};
