import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateActorBatch, type ActorInput } from '../../src/domain/actor';
import { validateInteractionBatch, type InteractionInput } from '../../src/domain/interaction';
import type { NetworkSnapshot } from '../../src/metrics/snapshot';
import { MetricsService } from '../../src/services/metrics-service';
import { SnapshotCache } from '../../src/services/snapshot-cache';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';
import { loadFixture, REFERENCE_FRACTION_FIGURES } from '../metrics/reference';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-metrics-'));
  dirs.push(dir);
  return openSqliteStore(join(dir, 'copnet.db'));
}

/** A series reads its range once: raw columns where the store has them (SQLite), else streamWindow. */
function rangeReads(calls: Record<string, number>): number {
  return (calls.streamWindow ?? 0) + (calls.readWindowInto ?? 0);
}

/** The real store, with every method call counted by name. */
function counted(store: Store): { store: Store; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(store, {
    get(target, property, _receiver) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(property)] = (calls[String(property)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

async function addActors(store: Store, actors: ActorInput[]): Promise<void> {
  await store.upsertActors(validateActorBatch(actors));
}

async function addInteractions(store: Store, interactions: InteractionInput[]): Promise<void> {
  await store.recordInteractions(validateInteractionBatch(interactions));
}

const d = (iso: string) => new Date(iso);

describe('MetricsService on Zachary karate club recorded through the store', () => {
  const fixture = loadFixture('karate');
  let store: Store;
  let calls: Record<string, number>;
  let service: MetricsService;
  const window = { from: d('2019-01-01'), to: d('2020-01-01') };

  beforeAll(async () => {
    ({ store, calls } = counted(freshStore()));
    service = new MetricsService(store);
    await addActors(
      store,
      fixture.actors.map((a) => ({ id: a.id, name: `Member ${a.id}`, kind: a.kind })),
    );
    await addInteractions(
      store,
      fixture.edges.map(([u, v], i) => ({
        kind: 'PEER_EXCHANGE',
        occurredAt: new Date(Date.UTC(2019, 0, 1) + i * 3_600_000),
        initiatorId: u,
        participantIds: [v],
      })),
    );
  });
  afterAll(() => store.close());

  it('matches networkx for every figure but the Louvain ones', async () => {
    const snapshot = await service.snapshot(window);
    const expected = fixture.network;
    expect(snapshot).toMatchObject({ actorCount: 34, tieCount: 78, interactionCount: 78, componentCount: 1, hubId: '33' });
    for (const figure of REFERENCE_FRACTION_FIGURES) {
      expect([figure, snapshot[figure]]).toEqual([figure, expect.closeTo(expected[figure], 6)]);
    }
    for (const reference of fixture.actors) {
      const actor = snapshot.actors.find((a) => a.actorId === reference.id)!;
      for (const metric of ['degree', 'degreeCentrality', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'clustering'] as const) {
        expect([reference.id, metric, actor[metric]]).toEqual([reference.id, metric, expect.closeTo(reference[metric], 6)]);
      }
    }
    expect(snapshot.communityCount).toBe(4);
    expect(snapshot.modularity).toBeCloseTo(0.41979, 5);
  });

  it('answers a repeated request from the cache, and recomputes after a write', async () => {
    const first = await service.snapshot(window);
    const reads = calls.streamWindow ?? 0;
    const again = await service.snapshot({ from: d('2019-01-01'), to: d('2020-01-01') }, { actorKinds: [] });
    expect(again).toBe(first);
    expect(calls.streamWindow ?? 0).toBe(reads);

    await addInteractions(store, [{ kind: 'SITE_VISIT', occurredAt: '2019-06-01T10:00:00Z', initiatorId: '0', participantIds: ['33'] }]);
    const after = await service.snapshot(window);
    expect(calls.streamWindow).toBe(reads + 1);
    expect(after).not.toBe(first);
    expect(after.tieCount).toBe(79);
    expect(after.interactionCount).toBe(79);
  });

  it('computes a window once for many concurrent requests', async () => {
    const reads = calls.streamWindow ?? 0;
    const window2018 = { from: d('2018-01-01'), to: d('2019-06-01') };
    const results = await Promise.all(Array.from({ length: 20 }, () => service.snapshot(window2018)));
    expect(calls.streamWindow).toBe(reads + 1);
    results.forEach((result) => expect(result).toBe(results[0]));
  });

  it('keys the cache by scope and co-participation limit', async () => {
    const all = await service.snapshot(window);
    const foundationsOnly = await service.snapshot(window, { actorKinds: ['FOUNDATION'] });
    expect(foundationsOnly).not.toBe(all);
    expect(foundationsOnly).toMatchObject({ actorCount: 2, tieCount: 1, interactionCount: 1, peerTieShare: 0 });
    expect(await service.snapshot(window, {}, { coParticipationLimit: 0 })).not.toBe(all);
  });
});

describe('MetricsService series on hand-made temporal networks', () => {
  let store: Store;
  let calls: Record<string, number>;
  let service: MetricsService;
  const intermediaries = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'];

  /** Each quarter the foundation gives every intermediary a grant; then the given peer visits. */
  function quarter(start: string, peerPairs: [string, string][]): InteractionInput[] {
    return [
      ...intermediaries.map((id) => ({ kind: 'GRANT', occurredAt: start, initiatorId: 'f', participantIds: [id] })),
      ...peerPairs.map(([a, b]) => ({ kind: 'SITE_VISIT', occurredAt: start.replace('01T', '15T'), initiatorId: a, participantIds: [b] })),
    ];
  }
  const growing: [string, string][][] = [
    [],
    [['i1', 'i2']],
    [
      ['i1', 'i2'],
      ['i3', 'i4'],
      ['i2', 'i3'],
    ],
    [
      ['i1', 'i2'],
      ['i2', 'i3'],
      ['i3', 'i4'],
      ['i4', 'i5'],
      ['i5', 'i6'],
      ['i6', 'i1'],
    ],
  ];

  beforeAll(async () => {
    ({ store, calls } = counted(freshStore()));
    service = new MetricsService(store);
    await addActors(store, [
      { id: 'f', name: 'Foundation', kind: 'FOUNDATION' },
      ...intermediaries.map((id) => ({ id, name: id.toUpperCase(), kind: 'INTERMEDIARY' })),
    ]);
    // 2019: peers connect more each quarter. 2021: the same, backwards in time.
    await addInteractions(store, [
      ...quarter('2019-01-01T09:00:00Z', growing[0]!),
      ...quarter('2019-04-01T09:00:00Z', growing[1]!),
      ...quarter('2019-07-01T09:00:00Z', growing[2]!),
      ...quarter('2019-10-01T09:00:00Z', growing[3]!),
      ...quarter('2021-01-01T09:00:00Z', growing[3]!),
      ...quarter('2021-04-01T09:00:00Z', growing[2]!),
      ...quarter('2021-07-01T09:00:00Z', growing[1]!),
      ...quarter('2021-10-01T09:00:00Z', growing[0]!),
    ]);
  });
  afterAll(() => store.close());

  it('sees a star become peer-connected, reading the store once', async () => {
    const before = rangeReads(calls);
    const { windows, snapshots, trend } = await service.series({ from: d('2019-01-01'), to: d('2020-01-01'), step: 'QUARTER' });
    expect(rangeReads(calls)).toBe(before + 1);
    expect(windows.map((w) => w.label)).toEqual(['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']);
    expect(snapshots.map((s) => [s.tieCount, s.interactionCount])).toEqual([
      [6, 6],
      [7, 7],
      [9, 9],
      [12, 12],
    ]);
    expect(snapshots[0]).toMatchObject({ betweennessCentralization: 1, peerTieShare: 0, hubId: 'f', hubTieShare: 1 });
    expect(snapshots[3]).toMatchObject({ peerTieShare: 0.5, largestComponentWithoutHubFraction: 1 });
    expect(trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(trend.betweennessCentralizationSlope).toBeLessThan(0);
    expect(trend.peerTieShareSlope).toBeCloseTo(leastSquares([0, 1 / 7, 3 / 9, 6 / 12]), 12);
    expect(trend.summary).toMatch(
      /^Across 4 windows \(2019-Q1 to 2019-Q4\), betweenness centralization fell from 1\.00 to .* the network became more peer-connected\.$/,
    );
  });

  it('gives the same snapshots as asking window by window', async () => {
    const { windows, snapshots } = await service.series({ from: d('2019-01-01'), to: d('2020-01-01'), step: 'QUARTER' });
    const fresh = new MetricsService(store);
    const single: NetworkSnapshot[] = [];
    for (const window of windows) single.push(await fresh.snapshot({ from: window.from, to: window.to }));
    expect(snapshots).toEqual(single);
  });

  it('answers the repeated series from the cache without reading the store', async () => {
    const input = { from: d('2019-01-01'), to: d('2020-01-01'), step: 'QUARTER' } as const;
    const first = await service.series(input);
    const reads = rangeReads(calls);
    const second = await service.series(input);
    expect(rangeReads(calls)).toBe(reads);
    second.snapshots.forEach((snapshot, i) => expect(snapshot).toBe(first.snapshots[i]));
  });

  it('sees peers fall away as more hub-centered', async () => {
    const { trend } = await service.series({ from: d('2021-01-01'), to: d('2022-01-01'), step: 'QUARTER' });
    expect(trend.verdict).toBe('MORE_HUB_CENTERED');
  });

  it('sees a steady network as no clear change', async () => {
    const { trend, snapshots } = await service.series({ from: d('2019-01-01'), to: d('2022-01-01'), step: 'YEAR', windowSize: 1 });
    expect(snapshots.map((s) => [s.tieCount, s.peerTieShare])).toEqual([
      [12, 0.5],
      [0, 0],
      [12, 0.5],
    ]);
    expect(trend.betweennessCentralizationSlope).toBeCloseTo(0, 12);
    expect(trend.peerTieShareSlope).toBeCloseTo(0, 12);
    expect(trend.verdict).toBe('NO_CLEAR_CHANGE');
  });

  it('expanding windows accumulate ties', async () => {
    const { snapshots } = await service.series({ from: d('2019-01-01'), to: d('2020-01-01'), step: 'QUARTER', expanding: true });
    expect(snapshots.map((s) => s.tieCount)).toEqual([6, 7, 9, 12]);
    expect(snapshots.map((s) => s.interactionCount)).toEqual([6, 13, 22, 34]);
  });

  it('a window that selects nothing gives zeros and no actors', async () => {
    const empty = await service.snapshot({ from: d('2020-03-01'), to: d('2020-04-01') });
    expect(empty).toMatchObject({ actorCount: 0, tieCount: 0, interactionCount: 0, hubId: null, betweennessCentralization: 0, actors: [] });
    const schoolsOnly = await service.snapshot({ from: d('2019-01-01'), to: d('2020-01-01') }, { actorKinds: ['SCHOOL'] });
    expect(schoolsOnly).toMatchObject({ actorCount: 0, interactionCount: 0, actors: [] });
  });

  it('hands out the tie network for exports', async () => {
    const { network, interactionCount } = await service.network({ from: d('2019-04-01'), to: d('2019-07-01') });
    expect(interactionCount).toBe(7);
    expect(network.nodes()).toEqual(['f', ...intermediaries]);
    expect(network.getEdgeAttributes('i1', 'i2')).toEqual({
      interactions: 1,
      weight: 1,
      firstAt: Date.parse('2019-04-15T09:00:00Z'),
      lastAt: Date.parse('2019-04-15T09:00:00Z'),
    });
  });

  it('rejects bad input naming the field', async () => {
    await expect(service.snapshot({ from: d('2020-01-01'), to: d('2019-01-01') })).rejects.toThrow(
      'window.from: 2020-01-01T00:00:00.000Z must be before window.to (2019-01-01T00:00:00.000Z)',
    );
    await expect(service.series({ from: d('2020-01-01'), to: d('2020-01-01'), step: 'MONTH' })).rejects.toThrow(/^series\.from: /);
    await expect(service.series({ from: d('2000-01-01'), to: d('2020-01-01'), step: 'WEEK' })).rejects.toThrow(
      /^series: .* makes more than 520 windows/,
    );
    await expect(
      service.snapshot({ from: d('2019-01-01'), to: d('2020-01-01') }, { actorKinds: ['SCHOOL', 'CLUB' as never] }),
    ).rejects.toThrow('scope.actorKinds[1]: "CLUB" is not one of FOUNDATION, INTERMEDIARY, SCHOOL, SUPPORT_PARTNER');
    await expect(service.snapshot({ from: d('2019-01-01'), to: d('2020-01-01') }, {}, { coParticipationLimit: 101 })).rejects.toThrow(
      'scope.coParticipationLimit: 101 must be a whole number from 0 to 100',
    );
  });
});

describe('MetricsService series trend and tie changes', () => {
  let store: Store;
  let service: MetricsService;
  const input = { from: d('2019-01-01'), to: d('2019-07-01'), step: 'QUARTER' } as const;
  const grants = (at: string) =>
    ['i1', 'i2', 'i3'].map((id) => ({ kind: 'GRANT', occurredAt: at, initiatorId: 'f', participantIds: [id] }));
  const visit = (at: string, a: string, b: string) => ({ kind: 'SITE_VISIT', occurredAt: at, initiatorId: a, participantIds: [b] });

  beforeAll(async () => {
    store = freshStore();
    service = new MetricsService(store);
    await addActors(store, [
      { id: 'f', name: 'Foundation', kind: 'FOUNDATION' },
      ...['i1', 'i2', 'i3'].map((id) => ({ id, name: id.toUpperCase(), kind: 'INTERMEDIARY' })),
    ]);
    await addInteractions(store, [
      ...grants('2019-01-10T09:00:00Z'),
      ...grants('2019-04-10T09:00:00Z'),
      visit('2019-04-20T09:00:00Z', 'i1', 'i2'),
    ]);
  });
  afterAll(() => store.close());

  it('computes them once for a cached series, and again after a write', async () => {
    const first = await service.series(input);
    expect(first.tieChanges.map(({ tiesGained, tiesLost, persistentTieShare }) => [tiesGained, tiesLost, persistentTieShare])).toEqual([
      [1, 0, 3 / 4],
    ]);
    const second = await service.series(input);
    expect(second.trend).toBe(first.trend);
    expect(second.tieChanges).toBe(first.tieChanges);
    // another scope is another series
    const scoped = await service.series(input, { interactionKinds: ['GRANT'] });
    expect(scoped.tieChanges.map(({ tiesGained, tiesLost, persistentTieShare }) => [tiesGained, tiesLost, persistentTieShare])).toEqual([
      [0, 0, 1],
    ]);

    await addInteractions(store, [visit('2019-04-21T09:00:00Z', 'i2', 'i3')]);
    const third = await service.series(input);
    expect(third.tieChanges).not.toBe(first.tieChanges);
    expect(third.tieChanges.map(({ tiesGained, tiesLost, persistentTieShare }) => [tiesGained, tiesLost, persistentTieShare])).toEqual([
      [2, 0, 3 / 5],
    ]);
    expect(third.trend.peerTieShareSlope).toBeCloseTo(2 / 5, 12);
    expect(first.trend.peerTieShareSlope).toBeCloseTo(1 / 4, 12);
  });
});

describe('SnapshotCache', () => {
  const snapshotOf = (actors: number) => ({ actors: new Array(actors).fill(null) }) as unknown as NetworkSnapshot;

  it('evicts the least recently used snapshots beyond its budget of actor rows', async () => {
    const cache = new SnapshotCache(25);
    await cache.set(1, 'a', Promise.resolve(snapshotOf(9)));
    await cache.set(1, 'b', Promise.resolve(snapshotOf(9)));
    expect(cache.weight).toBe(20);
    expect(cache.get(1, 'a')).toBeDefined(); // a is now the most recent
    await cache.set(1, 'c', Promise.resolve(snapshotOf(9)));
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')).toBeDefined();
    expect(cache.get(1, 'c')).toBeDefined();
    expect(cache.weight).toBe(20);
  });

  it('empties itself when the store revision changes, and forgets failures', async () => {
    const cache = new SnapshotCache();
    await cache.set(1, 'a', Promise.resolve(snapshotOf(1)));
    expect(cache.get(2, 'a')).toBeUndefined();
    expect(cache.size).toBe(0);
    const failing = cache.set(2, 'b', Promise.reject(new Error('store down')));
    await expect(failing).rejects.toThrow('store down');
    expect(cache.get(2, 'b')).toBeUndefined();
  });
});

function leastSquares(ys: number[]): number {
  const meanX = (ys.length - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxy = ys.reduce((sum, y, x) => sum + (x - meanX) * (y - meanY), 0);
  const sxx = ys.reduce((sum, _y, x) => sum + (x - meanX) ** 2, 0);
  return sxy / sxx;
}
