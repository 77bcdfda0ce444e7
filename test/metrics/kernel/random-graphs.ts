import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { UndirectedGraph } from 'graphology';

/** Seeded random undirected simple graphs for the kernel tests. Node keys are `n0`, `n1`, ... */

export type { RandomGenerator };

export function rngFor(seed: number): RandomGenerator {
  return xoroshiro128plus(seed);
}

/** G(n, p): every pair tied with probability p; isolated nodes kept. */
export function erdosRenyi(rng: RandomGenerator, n: number, p: number, prefix = 'n'): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`${prefix}${i}`);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (uniformFloat64(rng) < p) graph.addEdge(`${prefix}${i}`, `${prefix}${j}`);
  }
  return graph;
}

/** Barabási–Albert: each new node ties to m distinct earlier nodes chosen by degree. */
export function preferentialAttachment(rng: RandomGenerator, n: number, m: number, prefix = 'n'): UndirectedGraph {
  const graph = new UndirectedGraph();
  const endpoints: number[] = [];
  for (let i = 0; i <= m && i < n; i++) {
    graph.addNode(`${prefix}${i}`);
    for (let j = 0; j < i; j++) {
      graph.addEdge(`${prefix}${i}`, `${prefix}${j}`);
      endpoints.push(i, j);
    }
  }
  for (let i = m + 1; i < n; i++) {
    graph.addNode(`${prefix}${i}`);
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(endpoints[uniformInt(rng, 0, endpoints.length - 1)] as number);
    for (const j of chosen) {
      graph.addEdge(`${prefix}${i}`, `${prefix}${j}`);
      endpoints.push(i, j);
    }
  }
  return graph;
}

/** Several graphs side by side, node keys made distinct by their prefixes. */
export function disjointUnion(parts: readonly UndirectedGraph[]): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const part of parts) {
    part.forEachNode((node) => graph.addNode(node));
    part.forEachEdge((_edge, _attributes, source, target) => graph.addEdge(source, target));
  }
  return graph;
}

/** Drops the nodes without a tie, as the projection does. */
export function withoutIsolated(graph: UndirectedGraph): UndirectedGraph {
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) graph.dropNode(node);
  });
  return graph;
}

/** Adds `leaves` degree-1 nodes tied to random existing nodes, and `pairs` isolated edges. */
export function withLeaves(rng: RandomGenerator, graph: UndirectedGraph, leaves: number, pairs: number): UndirectedGraph {
  const nodes = graph.nodes();
  for (let i = 0; i < leaves; i++) graph.mergeEdge(`leaf${i}`, nodes[uniformInt(rng, 0, nodes.length - 1)]!);
  for (let i = 0; i < pairs; i++) graph.mergeEdge(`pair${i}a`, `pair${i}b`);
  return graph;
}

/**
 * Adds `count` nodes one at a time, each tied to one uniformly drawn node of the graph so
 * far (earlier added ones included): trees of every depth hanging off the graph.
 */
export function withTrees(rng: RandomGenerator, graph: UndirectedGraph, count: number, prefix = 'tree'): UndirectedGraph {
  const nodes = graph.nodes();
  for (let i = 0; i < count; i++) {
    const id = `${prefix}${i}`;
    graph.mergeEdge(id, nodes[uniformInt(rng, 0, nodes.length - 1)]!);
    nodes.push(id);
  }
  return graph;
}
