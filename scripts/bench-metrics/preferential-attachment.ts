import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { UndirectedGraph } from 'graphology';

/** Barabási–Albert graph: each new node ties to m distinct earlier nodes chosen in proportion to degree. */
export function preferentialAttachmentGraph(n: number, m: number, seed: number): UndirectedGraph {
  const rng = xoroshiro128plus(seed);
  const graph = new UndirectedGraph();
  const ends: number[] = [];
  for (let i = 0; i < n; i++) graph.addNode(`n${String(i).padStart(6, '0')}`);
  const key = (i: number): string => `n${String(i).padStart(6, '0')}`;
  for (let i = 1; i <= m; i++) {
    for (let j = 0; j < i; j++) {
      graph.addEdge(key(i), key(j));
      ends.push(i, j);
    }
  }
  for (let i = m + 1; i < n; i++) {
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(ends[uniformInt(rng, 0, ends.length - 1)]!);
    for (const j of chosen) {
      graph.addEdge(key(i), key(j));
      ends.push(i, j);
    }
  }
  return graph;
}
