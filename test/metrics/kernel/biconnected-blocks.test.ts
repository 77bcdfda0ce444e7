import { csrFromEdges } from '../../../src/metrics/kernel';
import { largestBlockShare, largestBlockSize } from '../../../src/metrics/kernel/biconnected-blocks';

function graph(n: number, edges: Array<[number, number]>) {
  return csrFromEdges(
    Array.from({ length: n }, (_, i) => `v${String(i).padStart(2, '0')}`),
    Int32Array.from(edges, ([a]) => a),
    Int32Array.from(edges, ([, b]) => b),
  );
}

describe('largestBlockSize', () => {
  it('splits at cut vertices: two cycles sharing a node, a bridge, a pendant', () => {
    // cycle 0-1-2-3 (4 nodes), cycle 3-4-5-6-7 (5 nodes, shares 3), bridge 7-8, triangle 8-9-10, pendant 10-11
    const edges: Array<[number, number]> = [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
      [7, 3],
      [7, 8],
      [8, 9],
      [9, 10],
      [10, 8],
      [10, 11],
    ];
    expect(largestBlockSize(graph(12, edges))).toBe(5);
    // the share is of the 2-core (0…10): 5 of 11
    expect(largestBlockShare(graph(12, edges))).toEqual({ coreActors: 11, share: 5 / 11 });
  });

  it('is the whole graph when it is biconnected, 2 for a tree, 0 without edges', () => {
    const wheel: Array<[number, number]> = [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 1],
    ];
    expect(largestBlockSize(graph(5, wheel))).toBe(5);
    expect(
      largestBlockSize(
        graph(4, [
          [0, 1],
          [1, 2],
          [1, 3],
        ]),
      ),
    ).toBe(2);
    expect(largestBlockSize(graph(3, []))).toBe(0);
    expect(
      largestBlockShare(
        graph(4, [
          [0, 1],
          [1, 2],
          [1, 3],
        ]),
      ),
    ).toEqual({ coreActors: 0, share: 0 });
  });

  it('takes the largest over components, whatever node the search starts from', () => {
    // a triangle 0-1-2 and a 4-cycle 3-4-5-6 joined to nothing; 6 is searched from late
    const edges: Array<[number, number]> = [
      [0, 1],
      [1, 2],
      [2, 0],
      [6, 5],
      [5, 4],
      [4, 3],
      [3, 6],
    ];
    expect(largestBlockSize(graph(7, edges))).toBe(4);
  });
});
