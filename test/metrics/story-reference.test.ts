import { adamicAdarCandidates } from '../../src/metrics/actor/adamic-adar';
import { constraint } from '../../src/metrics/actor/constraint';
import { coreNumber } from '../../src/metrics/actor/core-number';
import { effectiveSize } from '../../src/metrics/actor/effective-size';
import { byId, indexGraph } from '../../src/metrics/graph-index';
import { mainCore } from '../../src/metrics/network/main-core';
import { triangleCounts } from '../../src/metrics/triangles';
import { allFixtures, fixtureNetwork, type ReferenceFixture } from './reference';

/** Asserts an id → number map equals the reference within 1e-9 (null in the fixture = networkx NaN, copnet 0). */
function expectWithin1e9(actual: Record<string, number>, fixture: ReferenceFixture, metric: 'constraint' | 'effectiveSize' | 'coreNumber'): void {
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
