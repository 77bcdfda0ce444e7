import type { UndirectedGraph } from 'graphology';
import { adamicAdarCandidates } from '../../src/metrics/actor/adamic-adar';
import { constraint } from '../../src/metrics/actor/constraint';
import { coreNumber } from '../../src/metrics/actor/core-number';
import { effectiveSize } from '../../src/metrics/actor/effective-size';
import { byId, indexGraph } from '../../src/metrics/graph-index';
import { mainCore } from '../../src/metrics/network/main-core';
import { triangleCounts } from '../../src/metrics/triangles';
import { erdosRenyi, preferentialAttachment, rngFor } from './kernel/random-graphs';
import { allFixtures, fixtureNetwork, type ReferenceFixture } from './reference';

/** Asserts an id → number map equals the reference within 1e-9 (null in the fixture = networkx NaN, copnet 0). */
function expectWithin1e9(
  actual: Record<string, number>,
  fixture: ReferenceFixture,
  metric: 'constraint' | 'effectiveSize' | 'coreNumber',
): void {
  for (const actor of fixture.actors) {
    const expected = actor[metric] ?? 0;
    const got = actual[actor.id]!;
    if (!(Math.abs(got - expected) <= 1e-9)) throw new Error(`${fixture.name} ${actor.id} ${metric}: expected ${expected}, got ${got}`);
  }
  expect(Object.keys(actual).sort()).toEqual(fixture.actors.map((a) => a.id).sort());
}

describe.each(allFixtures().map((fixture) => [fixture.name, fixture] as const))('%s matches networkx', (_name, fixture) => {
  const index = indexGraph(fixtureNetwork(fixture));

  it('constraint (networkx constraint) to 1e-9', () => {
    expectWithin1e9(byId(index, constraint(index)), fixture, 'constraint');
  });

  it('effective size (networkx effective_size) to 1e-9', () => {
    expectWithin1e9(byId(index, effectiveSize(index, triangleCounts(index))), fixture, 'effectiveSize');
  });

  it('core number (networkx core_number) exactly, and the main core (k_core)', () => {
    const cores = coreNumber(index);
    expect(byId(index, cores)).toEqual(Object.fromEntries(fixture.actors.map((a) => [a.id, a.coreNumber])));
    const core = mainCore(index, cores);
    expect([core.k, core.size]).toEqual([fixture.mainCore.k, fixture.mainCore.size]);
    expect(Math.abs(core.density - fixture.mainCore.density)).toBeLessThanOrEqual(1e-12);
  });

  it('Adamic–Adar (networkx adamic_adar_index) to 1e-9 for every untied pair with a common neighbour', () => {
    const found: [string, string, number][] = [];
    for (let u = 0; u < index.ids.length; u++) {
      for (const candidate of adamicAdarCandidates(index, u, (v) => v > u)) {
        found.push([index.ids[u]!, index.ids[candidate.node]!, candidate.score]);
      }
    }
    found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(found.map(([u, v]) => [u, v])).toEqual(fixture.adamicAdar.map(([u, v]) => [u, v]));
    found.forEach(([u, v, score], i) => {
      const expected = fixture.adamicAdar[i]![2];
      if (!(Math.abs(score - expected) <= 1e-9)) throw new Error(`${u}–${v}: expected ${expected}, got ${score}`);
    });
  });
});

describe('constraint and core number on random graphs agree with their textbook definitions', () => {
  /** Burt's formula term by term over graphology's adjacency, and cores by repeated peeling. */
  function direct(graph: UndirectedGraph) {
    const p = (u: string, v: string) => (graph.hasEdge(u, v) ? 1 / graph.degree(u) : 0);
    const constraintOf: Record<string, number> = {};
    const cores: Record<string, number> = {};
    graph.forEachNode((v) => {
      let sum = 0;
      for (const j of graph.neighbors(v)) {
        let term = p(v, j);
        for (const q of graph.neighbors(v)) term += p(v, q) * p(q, j);
        sum += term * term;
      }
      constraintOf[v] = graph.degree(v) === 0 ? 0 : sum;
    });
    const remaining = graph.copy();
    for (let k = 0; remaining.order > 0; k++) {
      let peeled = true;
      while (peeled) {
        peeled = false;
        for (const v of remaining.nodes()) {
          if (remaining.degree(v) <= k) {
            cores[v] = k;
            remaining.dropNode(v);
            peeled = true;
          }
        }
      }
    }
    return { constraintOf, cores };
  }

  it.each([
    ['preferential attachment, 300 actors', 1],
    ['Erdős–Rényi, 120 actors, p = 0.08', 2],
  ])('%s', (name, seed) => {
    const graph = name.startsWith('preferential') ? preferentialAttachment(rngFor(seed), 300, 3) : erdosRenyi(rngFor(seed), 120, 0.08);
    const index = indexGraph(graph);
    const expected = direct(graph);
    const got = byId(index, constraint(index));
    for (const id of index.ids) {
      if (!(Math.abs(got[id]! - expected.constraintOf[id]!) <= 1e-12)) throw new Error(`${id}: ${got[id]} vs ${expected.constraintOf[id]}`);
    }
    expect(byId(index, coreNumber(index))).toEqual(expected.cores);
  });
});
