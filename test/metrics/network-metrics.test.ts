import { betweenness } from './oracles/betweenness';
import { clustering } from '../../src/metrics/actor/clustering';
import { communities } from '../../src/metrics/actor/community';
import { degrees } from '../../src/metrics/actor/degree';
import { findActorMetrics, topActors } from '../../src/metrics/actor-lookup';
import { computeSnapshot } from './compute-snapshot';
import { initiativeByKind } from './initiative-by-kind';
import { indexGraph } from '../../src/metrics/graph-index';
import { actorCount } from '../../src/metrics/network/actor-count';
import { averageClustering } from '../../src/metrics/network/average-clustering';
import { betweennessCentralization } from '../../src/metrics/network/betweenness-centralization';
import { communityCount } from '../../src/metrics/network/community-count';
import { componentCount } from '../../src/metrics/network/component-count';
import { degreeCentralization } from '../../src/metrics/network/degree-centralization';
import { density } from '../../src/metrics/network/density';
import { hubIndex } from '../../src/metrics/network/hub';
import { hubTieShare } from '../../src/metrics/network/hub-tie-share';
import { largestComponentFraction } from '../../src/metrics/network/largest-component-fraction';
import { largestComponentWithoutHubFraction } from '../../src/metrics/network/largest-component-without-hub-fraction';
import { modularity } from '../../src/metrics/network/modularity';
import { peerTieShare } from '../../src/metrics/network/peer-tie-share';
import { tieCount } from '../../src/metrics/network/tie-count';
import { transitivity } from '../../src/metrics/network/transitivity';
import { triangleCounts } from '../../src/metrics/triangles';
import { createTieNetwork } from '../../src/projection/tie-network';
import { allFixtures, fixtureNetwork, loadFixture, type ReferenceFixture, REFERENCE_FRACTION_FIGURES } from './reference';

const WINDOW = { from: new Date('2019-08-01T00:00:00Z'), to: new Date('2020-08-01T00:00:00Z') };

function kindsOf(fixture: ReferenceFixture): (id: string) => string {
  const kinds = new Map(fixture.actors.map((actor) => [actor.id, actor.kind]));
  return (id) => kinds.get(id)!;
}

describe.each(allFixtures().map((fixture) => [fixture.name, fixture] as const))('%s network figures match networkx', (_name, fixture) => {
  const network = fixtureNetwork(fixture);
  const index = indexGraph(network);
  const expected = fixture.network;
  const triangles = triangleCounts(index);
  const hub = hubIndex(index);
  const kind = kindsOf(fixture);

  it('counts actors and ties', () => {
    expect(actorCount(index)).toBe(expected.actorCount);
    expect(tieCount(index)).toBe(expected.tieCount);
  });
  it('density', () => expect(density(index)).toBeCloseTo(expected.density, 6));
  it('degreeCentralization', () => expect(degreeCentralization(degrees(index))).toBeCloseTo(expected.degreeCentralization, 6));
  it('betweennessCentralization', () =>
    expect(betweennessCentralization(betweenness(network, index))).toBeCloseTo(expected.betweennessCentralization, 6));
  it('averageClustering', () => expect(averageClustering(clustering(index, triangles))).toBeCloseTo(expected.averageClustering, 6));
  it('transitivity', () => expect(transitivity(index, triangles)).toBeCloseTo(expected.transitivity, 6));
  it('components', () => {
    expect(componentCount(index)).toBe(expected.componentCount);
    expect(largestComponentFraction(index)).toBeCloseTo(expected.largestComponentFraction, 6);
  });
  it('hub and its shares', () => {
    expect(hub < 0 ? null : index.ids[hub]).toBe(expected.hubId);
    expect(hubTieShare(index, hub)).toBeCloseTo(expected.hubTieShare, 6);
    expect(peerTieShare(index, (i) => kind(index.ids[i]!) === 'FOUNDATION')).toBeCloseTo(expected.peerTieShare, 6);
    expect(largestComponentWithoutHubFraction(index, hub)).toBeCloseTo(expected.largestComponentWithoutHubFraction, 6);
  });
  it('modularity of the fixture partition', () => {
    const block = new Map<string, number>();
    fixture.partition.forEach((ids, b) => ids.forEach((id) => block.set(id, b)));
    const membership = index.ids.map((id) => block.get(id)!);
    expect(modularity(index, membership)).toBeCloseTo(expected.modularity, 6);
  });
  it('computeSnapshot gives the same figures, modularity of its own Louvain partition', () => {
    const snapshot = computeSnapshot(network, WINDOW, 7);
    const { membership, count } = communities(network, index);
    expect(snapshot).toMatchObject({
      actorCount: expected.actorCount,
      tieCount: expected.tieCount,
      interactionCount: 7,
      componentCount: expected.componentCount,
      hubId: expected.hubId,
      communityCount: count,
    });
    for (const figure of REFERENCE_FRACTION_FIGURES) {
      expect([figure, snapshot[figure]]).toEqual([figure, expect.closeTo(expected[figure], 6)]);
    }
    expect(snapshot.modularity).toBeCloseTo(modularity(index, membership), 12);
    expect(snapshot.actors.map((actor) => actor.actorId)).toEqual([...fixture.nodes].sort());
  });
});

describe('Louvain communities', () => {
  const karate = fixtureNetwork(loadFixture('karate'));
  const index = indexGraph(karate);

  it('repeat on the same graph and number communities from the smallest id', () => {
    const first = communities(karate, index);
    const second = communities(karate, index);
    expect(Array.from(second.membership)).toEqual(Array.from(first.membership));
    expect(first.membership[0]).toBe(0);
    expect(communityCount(first.membership)).toBe(first.count);
  });

  it('find 4 communities in the karate club, modularity 0.4156', () => {
    const { membership, count } = communities(karate, index);
    expect(count).toBe(4);
    expect(modularity(index, membership)).toBeCloseTo(0.415598, 6);
  });
});

describe('edge cases', () => {
  it('an empty network is all zeros', () => {
    const snapshot = computeSnapshot(createTieNetwork(), WINDOW, 0);
    expect(snapshot).toEqual({
      window: WINDOW,
      actorCount: 0,
      tieCount: 0,
      interactionCount: 0,
      density: 0,
      degreeCentralization: 0,
      betweennessCentralization: 0,
      averageClustering: 0,
      transitivity: 0,
      componentCount: 0,
      largestComponentFraction: 0,
      hubId: null,
      hubTieShare: 0,
      peerTieShare: 0,
      largestComponentWithoutHubFraction: 0,
      modularity: 0,
      communityCount: 0,
      tieMix: { foundation: 0, withinNetwork: 0, crossNetwork: 0, other: 0 },
      crossNetworkTieShare: 0,
      eiIndex: 0,
      initiatedBy: initiativeByKind({ FOUNDATION: [0, 0], INTERMEDIARY: [0, 0], SCHOOL: [0, 0], SUPPORT_PARTNER: [0, 0] }),
      foundationInitiatedShare: 0,
      stage: 'SCATTERED_FRAGMENTS',
      mainCore: { k: 0, size: 0, density: 0 },
      actors: [],
    });
  });

  it('a star is fully centralized', () => {
    const snapshot = computeSnapshot(fixtureNetwork(loadFixture('star')), WINDOW, 5);
    expect(snapshot.degreeCentralization).toBe(1);
    expect(snapshot.betweennessCentralization).toBe(1);
    expect(snapshot.hubId).toBe('h');
    expect(snapshot.hubTieShare).toBe(1);
    expect(snapshot.peerTieShare).toBe(0);
    expect(snapshot.largestComponentWithoutHubFraction).toBeCloseTo(1 / 5, 12);
  });

  it('two tied actors: nothing to centralize, one community', () => {
    const snapshot = computeSnapshot(fixtureNetwork(loadFixture('two-nodes')), WINDOW, 1);
    expect(snapshot).toMatchObject({
      actorCount: 2,
      tieCount: 1,
      density: 1,
      degreeCentralization: 0,
      betweennessCentralization: 0,
      hubId: 'a',
      hubTieShare: 1,
      peerTieShare: 0,
      largestComponentWithoutHubFraction: 1,
      modularity: 0,
      communityCount: 1,
    });
    // a and b are mirror images: the same figures
    const figures = {
      degree: 1,
      degreeCentrality: 1,
      betweenness: 0,
      closeness: 1,
      eigenvector: expect.closeTo(Math.SQRT1_2, 6),
      pagerank: 0.5,
      clustering: 0,
      community: 0,
      constraint: 1,
      effectiveSize: 1,
      coreNumber: 1,
    };
    expect(snapshot.actors).toEqual([
      { actorId: 'a', ...figures },
      { actorId: 'b', ...figures },
    ]);
  });

  it('one actor without ties', () => {
    const snapshot = computeSnapshot(fixtureNetwork(loadFixture('one-node')), WINDOW, 0);
    expect(snapshot).toMatchObject({
      actorCount: 1,
      tieCount: 0,
      density: 0,
      componentCount: 1,
      largestComponentFraction: 1,
      hubId: 'solo',
      largestComponentWithoutHubFraction: 0,
      modularity: 0,
      communityCount: 1,
    });
    expect(snapshot.actors).toEqual([
      // networkx gives NaN constraint and effective size to an actor without ties; copnet 0
      {
        actorId: 'solo',
        degree: 0,
        degreeCentrality: 1,
        betweenness: 0,
        closeness: 0,
        eigenvector: 1,
        pagerank: 1,
        clustering: 0,
        community: 0,
        constraint: 0,
        effectiveSize: 0,
        coreNumber: 0,
      },
    ]);
  });
});

describe('looking actors up in a snapshot', () => {
  const snapshot = computeSnapshot(fixtureNetwork(loadFixture('karate')), WINDOW, 78);

  it('finds one actor by id, or null', () => {
    expect(findActorMetrics(snapshot, '33')).toMatchObject({ actorId: '33', degree: 17 });
    expect(findActorMetrics(snapshot, '34')).toBeNull();
    expect(findActorMetrics(snapshot, '')).toBeNull();
  });

  it('ranks actors by a metric, highest first, ties by id', () => {
    expect(topActors(snapshot, 'betweenness', 3).map((a) => a.actorId)).toEqual(['0', '33', '32']);
    expect(topActors(snapshot, 'degree', 4).map((a) => [a.actorId, a.degree])).toEqual([
      ['33', 17],
      ['0', 16],
      ['32', 12],
      ['2', 10],
    ]);
    expect(topActors(snapshot, 'clustering', 0)).toEqual([]);
  });
});
