import { layoutMap } from '../../src/report/map-layout';

/** ForceAtlas2 from fixed starting positions: the same network, the same map. */
describe('layoutMap', () => {
  // a ring of 20 stars of 12 leaves (261 actors: Barnes–Hut applies) with a hub tied to every centre
  const ties: [number, number][] = [];
  for (let s = 0; s < 20; s++) {
    const centre = 1 + s * 13;
    ties.push([0, centre], [centre, 1 + ((s + 1) % 20) * 13]);
    for (let leaf = 1; leaf <= 12; leaf++) ties.push([centre, centre + leaf]);
  }
  const n = 1 + 20 * 13;

  it('gives the same positions on every run, above and below the Barnes–Hut threshold', () => {
    const first = layoutMap(n, ties);
    expect(layoutMap(n, ties)).toEqual(first);
    expect(first).toHaveLength(n);
    expect(first.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    const small = ties.filter(([a, b]) => a < 40 && b < 40);
    expect(layoutMap(40, small)).toEqual(layoutMap(40, small));
  });

  it('moves the nodes from their start: a star spreads its leaves around the centre', () => {
    const star: [number, number][] = Array.from({ length: 8 }, (_, i) => [0, i + 1]);
    const positions = layoutMap(9, star);
    const dist = (i: number) => Math.hypot(positions[i]!.x - positions[0]!.x, positions[i]!.y - positions[0]!.y);
    const leaves = Array.from({ length: 8 }, (_, i) => dist(i + 1));
    expect(Math.max(...leaves) / Math.min(...leaves)).toBeLessThan(1.5);
  });

  it('leaves a network without ties at its starting positions', () => {
    expect(layoutMap(2, [])).toEqual([
      { x: Math.sqrt(0.5) * 10, y: 0 },
      { x: Math.sqrt(1.5) * 10 * Math.cos(Math.PI * (3 - Math.sqrt(5))), y: Math.sqrt(1.5) * 10 * Math.sin(Math.PI * (3 - Math.sqrt(5))) },
    ]);
  });
});
