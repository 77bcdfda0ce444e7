import { describe, expect, it } from 'vitest';
import { hashUnit, seedPositions } from './positions';

describe('positions carried over between windows', () => {
  it('keeps the position of every actor seen before', () => {
    const previous = new Map([
      ['a', { x: 1, y: 2 }],
      ['b', { x: -3, y: 4 }],
    ]);
    const seeded = seedPositions({ ids: ['a', 'b'], edges: [[0, 1]] }, previous);
    expect(seeded).toEqual([
      { x: 1, y: 2 },
      { x: -3, y: 4 },
    ]);
  });

  it('places a newcomer next to its placed neighbours, and a chain of newcomers after them', () => {
    const previous = new Map([
      ['a', { x: 100, y: 0 }],
      ['b', { x: 100, y: 20 }],
    ]);
    const [, , c, d] = seedPositions(
      {
        ids: ['a', 'b', 'c', 'd'],
        edges: [
          [0, 2],
          [1, 2],
          [2, 3],
        ],
      },
      previous,
    );
    // Radius 100.0…: a nudge of 6 at most from the anchors' mean (100, 10).
    expect(Math.hypot(c!.x - 100, c!.y - 10)).toBeCloseTo(0.05 * Math.hypot(100, 20) + 1, 9);
    expect(Math.hypot(d!.x - c!.x, d!.y - c!.y)).toBeCloseTo(0.05 * Math.hypot(100, 20) + 1, 9);
  });

  it('puts unconnected newcomers on a ring, the same way every time', () => {
    const first = seedPositions({ ids: ['x', 'y'], edges: [] }, new Map());
    const again = seedPositions({ ids: ['x', 'y'], edges: [] }, new Map());
    expect(first).toEqual(again);
    expect(first[0]).not.toEqual(first[1]);
    expect(hashUnit('x')).toBeGreaterThanOrEqual(0);
    expect(hashUnit('x')).toBeLessThan(1);
  });
});
