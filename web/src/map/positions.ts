/**
 * Positions carried over between windows, so stepping through the series shows the network
 * rewire rather than jump: an actor seen before starts where it was; a newcomer starts
 * beside the neighbours already placed (their mean, nudged), or on a ring around the
 * map when it has none. Deterministic: the same windows give the same map.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LayoutInput {
  readonly ids: readonly string[];
  /** Pairs of indexes into ids. */
  readonly edges: readonly (readonly [number, number])[];
}

/** A stable number in [0, 1) for a string (FNV-1a). */
export function hashUnit(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 4294967296;
}

export function seedPositions(input: LayoutInput, previous: ReadonlyMap<string, Point>): Point[] {
  const n = input.ids.length;
  const positions: (Point | null)[] = input.ids.map((id) => previous.get(id) ?? null);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of input.edges) {
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const placed = positions.filter((p): p is Point => p !== null);
  const radius = placed.length > 0 ? Math.max(...placed.map((p) => Math.hypot(p.x, p.y))) || 10 : Math.sqrt(n) * 10;
  // Newcomers tied to placed actors first, in rounds, so chains of newcomers follow their anchors.
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < n; i += 1) {
      if (positions[i] !== null) continue;
      const anchors = neighbours[i]!.map((j) => positions[j]).filter((p): p is Point => p != null);
      if (anchors.length === 0) continue;
      const angle = hashUnit(input.ids[i]!) * 2 * Math.PI;
      const spread = radius * 0.05 + 1;
      positions[i] = {
        x: anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length + Math.cos(angle) * spread,
        y: anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length + Math.sin(angle) * spread,
      };
      changed = true;
    }
  }
  return positions.map((p, i) => {
    if (p !== null) return p;
    const angle = hashUnit(input.ids[i]!) * 2 * Math.PI;
    const r = radius * (0.6 + 0.4 * hashUnit(`${input.ids[i]!}#r`));
    return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
  });
}
