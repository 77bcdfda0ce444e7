import { findActorMetrics, topActors } from '../../src/metrics/actor-lookup';
import { columnSnapshot, snapshotActorRows, type ActorMetricColumns, type NetworkFigures } from '../../src/metrics/snapshot';

const FIGURES: NetworkFigures = {
  actorCount: 3,
  tieCount: 2,
  interactionCount: 2,
  density: 2 / 3,
  degreeCentralization: 1,
  betweennessCentralization: 1,
  averageClustering: 0,
  transitivity: 0,
  componentCount: 1,
  largestComponentFraction: 1,
  hubId: 'b',
  hubTieShare: 1,
  peerTieShare: 0,
  largestComponentWithoutHubFraction: 1 / 3,
  modularity: 0,
  communityCount: 1,
  tieMix: { foundation: 0, withinNetwork: 0, crossNetwork: 1, other: 0 },
  crossNetworkTieShare: 1,
  eiIndex: 1,
  initiatedBy: [],
  foundationInitiatedShare: 0,
  stage: 'HUB_AND_SPOKE',
  mainCore: { k: 1, size: 3, density: 2 / 3 },
};
const COLUMNS: ActorMetricColumns = {
  ids: ['a', 'b', 'c'],
  degree: new Float64Array([1, 2, 1]),
  degreeCentrality: new Float64Array([0.5, 1, 0.5]),
  betweenness: new Float64Array([0, 1, 0]),
  closeness: new Float64Array([2 / 3, 1, 2 / 3]),
  eigenvector: new Float64Array([0.5, 0.7071067811865475, 0.5]),
  pagerank: new Float64Array([0.2567567567567568, 0.4864864864864865, 0.2567567567567568]),
  clustering: new Float64Array([0, 0, 0]),
  community: new Int32Array([0, 0, 0]),
  constraint: new Float64Array([1, 0.5, 1]),
  effectiveSize: new Float64Array([1, 2, 1]),
  coreNumber: new Int32Array([1, 1, 1]),
};
const WINDOW = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2020-02-01T00:00:00Z') };
const snapshot = columnSnapshot({ ...FIGURES, window: WINDOW }, COLUMNS);
const a = {
  actorId: 'a',
  degree: 1,
  degreeCentrality: 0.5,
  betweenness: 0,
  closeness: 2 / 3,
  eigenvector: 0.5,
  pagerank: 0.2567567567567568,
  clustering: 0,
  community: 0,
  constraint: 1,
  effectiveSize: 1,
  coreNumber: 1,
};
const b = {
  actorId: 'b',
  degree: 2,
  degreeCentrality: 1,
  betweenness: 1,
  closeness: 1,
  eigenvector: 0.7071067811865475,
  pagerank: 0.4864864864864865,
  clustering: 0,
  community: 0,
  constraint: 0.5,
  effectiveSize: 2,
  coreNumber: 1,
};
const c = { ...a, actorId: 'c' };

describe('a snapshot backed by columns', () => {
  it('builds its actors from the columns, in id order, and keeps the columns out of sight', () => {
    expect(snapshot.actors).toEqual([a, b, c]);
    expect(Object.keys(snapshot)).not.toContain('actorColumns');
    expect(snapshotActorRows(snapshot)).toBe(3);
  });

  it('findActorMetrics reads one actor from the columns, null for an actor without ties', () => {
    expect(findActorMetrics(snapshot, 'b')).toEqual(b);
    expect(findActorMetrics(snapshot, 'c')).toEqual(c);
    expect(findActorMetrics(snapshot, 'bb')).toBeNull();
    expect(findActorMetrics(snapshot, '0')).toBeNull();
  });

  it('topActors orders by the metric, highest first, equal values in id order, as the list does', () => {
    expect(topActors(snapshot, 'betweenness', 2)).toEqual([b, a]);
    expect(topActors(snapshot, 'clustering', 5)).toEqual([a, b, c]);
    expect(topActors(snapshot, 'degree', 0)).toEqual([]);
    const plain = { actors: snapshot.actors };
    expect(topActors(plain, 'pagerank', 3)).toEqual(topActors(snapshot, 'pagerank', 3));
    expect(findActorMetrics(plain, 'a')).toEqual(findActorMetrics(snapshot, 'a'));
  });
});
