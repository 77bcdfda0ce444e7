import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** ForceAtlas2 iterations: enough for a few thousand actors to settle, run once. */
const ITERATIONS = 150;

/**
 * Positions for a static map: ForceAtlas2 (Jacomy et al. 2014, graphology's implementation
 * with its inferred settings, Barnes–Hut above 250 actors) run once for a fixed number of iterations from deterministic
 * starting positions (node i of n on a golden-angle spiral, in the order given), so the
 * same network always gets the same map. `ties` are pairs of node indexes.
 */
export function layoutMap(nodeCount: number, ties: readonly (readonly [number, number])[]): { x: number; y: number }[] {
  const graph = new Graph({ type: 'undirected' });
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < nodeCount; i++) {
    const r = Math.sqrt(i + 0.5) * 10;
    graph.addNode(String(i), { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) });
  }
  for (const [a, b] of ties) graph.mergeEdge(String(a), String(b));
  if (nodeCount > 1 && ties.length > 0) {
    // Barnes–Hut (deterministic: a quadtree, no sampling) above a few hundred actors: the exact O(n²) repulsion took 3 s per demo map.
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: nodeCount > 250 };
    forceAtlas2.assign(graph, { iterations: ITERATIONS, settings, getEdgeWeight: null });
  }
  return Array.from({ length: nodeCount }, (_, i) => {
    const { x, y } = graph.getNodeAttributes(String(i)) as { x: number; y: number };
    return { x, y };
  });
}
