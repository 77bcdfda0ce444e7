import { initiativeByKind } from '../metrics/initiative-by-kind';
import { loadFixture } from '../metrics/reference';
import { STORY_ACTORS, STORY_LOG, tie } from '../fixtures/story-network';
import { rangeReads, RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';
import { seedNetwork } from './seed-network';

/** The hub-and-spoke story over real HTTP (test/fixtures/story-network.ts), over two school years. */
const YEAR_1 = { from: '2019-08-01T00:00:00Z', to: '2020-08-01T00:00:00Z' };
const YEAR_2 = { from: '2020-08-01T00:00:00Z', to: '2021-08-01T00:00:00Z' };
const SERIES = { from: '2019-08-01T00:00:00Z', to: '2021-08-01T00:00:00Z', step: 'SCHOOL_YEAR' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedNetwork(server, STORY_ACTORS, STORY_LOG);
});
afterAll(() => server.stop());

type Data = Record<string, unknown>;

describe('the story figures of a window over GraphQL', () => {
  it('tie mix, cross-network share, E-I index, initiative, stage and main core', async () => {
    const result = await server.gql<{ y1: Data; y2: Data }>(
      `query($y1: WindowInput!, $y2: WindowInput!) {
      y1: networkMetrics(window: $y1) { tieCount tieMix { foundation withinNetwork crossNetwork other } crossNetworkTieShare eiIndex
        initiatedBy { kind interactions share } foundationInitiatedShare stage mainCore { k size density } }
      y2: networkMetrics(window: $y2) { tieCount tieMix { foundation withinNetwork crossNetwork other } crossNetworkTieShare eiIndex
        initiatedBy { kind interactions share } foundationInitiatedShare stage mainCore { k size density } }
    }`,
      { y1: YEAR_1, y2: YEAR_2 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.y1).toEqual({
      tieCount: 5,
      tieMix: { foundation: 0.6, withinNetwork: 0.4, crossNetwork: 0, other: 0 },
      crossNetworkTieShare: 0,
      eiIndex: -1,
      initiatedBy: initiativeByKind({ FOUNDATION: [3, 0.6], INTERMEDIARY: [2, 0.4], SCHOOL: [0, 0], SUPPORT_PARTNER: [0, 0] }),
      foundationInitiatedShare: 0.6,
      stage: 'HUB_AND_SPOKE',
      mainCore: { k: 1, size: 6, density: 5 / 15 },
    });
    // F–I1 foundation; I1–I2, s1a–s2a, s1b–s2a cross; I1–s1b within; p–u other
    expect(result.data!.y2).toEqual({
      tieCount: 6,
      tieMix: { foundation: 1 / 6, withinNetwork: 1 / 6, crossNetwork: 0.5, other: 1 / 6 },
      crossNetworkTieShare: 0.5,
      eiIndex: 0.5,
      initiatedBy: initiativeByKind({ FOUNDATION: [1, 1 / 6], INTERMEDIARY: [2, 2 / 6], SCHOOL: [2, 2 / 6], SUPPORT_PARTNER: [1, 1 / 6] }),
      foundationInitiatedShare: 1 / 6,
      stage: 'HUB_AND_SPOKE', // without I1 the largest component is s1a–s2a–s1b: 3 of 7
      mainCore: { k: 1, size: 8, density: 6 / 28 }, // a forest: every actor in the 1-core
    });
  });

  it('brokers: actors ordered by constraint, with effective size and core number', async () => {
    const result = await server.gql<{ networkMetrics: { actors: Data[] } }>(
      `query($w: WindowInput!) {
      networkMetrics(window: $w) { actors(orderBy: EFFECTIVE_SIZE, first: 3) { actor { id } degree constraint effectiveSize coreNumber } }
    }`,
      { w: YEAR_1 },
    );
    expect(result.errors).toBeUndefined();
    // a path s1b – I1 – F – I2 – s2a with s1a on F: F's partners are untied, a broker
    expect(result.data!.networkMetrics.actors).toEqual([
      { actor: { id: 'F' }, degree: 3, constraint: 1 / 3, effectiveSize: 3, coreNumber: 1 },
      { actor: { id: 'I1' }, degree: 2, constraint: 0.5, effectiveSize: 2, coreNumber: 1 },
      { actor: { id: 'I2' }, degree: 2, constraint: 0.5, effectiveSize: 2, coreNumber: 1 },
    ]);
  });
});

describe('a series: tie changes, the new slopes, and one actor across windows', () => {
  it('tieChanges compares each window with the one before', async () => {
    const result = await server.gql<{ networkMetricSeries: { tieChanges: Data[]; trend: Data } }>(
      `query($s: SeriesInput!) {
      networkMetricSeries(series: $s) {
        tieChanges { window { label } tiesGained tiesLost persistentTieShare crossNetworkTiesGained }
        trend { verdict crossNetworkTieShareSlope foundationTieShareSlope foundationInitiatedShareSlope peerTieShareSlope }
      }
    }`,
      { s: SERIES },
    );
    expect(result.errors).toBeUndefined();
    const { tieChanges, trend } = result.data!.networkMetricSeries;
    // kept: F–I1, I1–s1b; lost: F–I2, F–s1a, I2–s2a; gained: I1–I2, s1a–s2a, s1b–s2a (cross), p–u
    expect(tieChanges).toEqual([
      { window: { label: '2020–21' }, tiesGained: 4, tiesLost: 3, persistentTieShare: 2 / 6, crossNetworkTiesGained: 3 },
    ]);
    expect(trend).toEqual({
      verdict: 'MORE_PEER_CONNECTED',
      crossNetworkTieShareSlope: 0.5,
      foundationTieShareSlope: expect.closeTo(1 / 6 - 0.6, 12),
      foundationInitiatedShareSlope: expect.closeTo(1 / 6 - 0.6, 12),
      peerTieShareSlope: expect.closeTo(0.6 - 1 / 6, 12),
    });
  });

  it('tieChanges carry Jaccard (|both| / |either|) and Hamming (|one only|)', async () => {
    const result = await server.gql<{ networkMetricSeries: { tieChanges: Data[] } }>(
      `query($s: SeriesInput!) { networkMetricSeries(series: $s) { tieChanges { window { label } jaccard hamming } } }`,
      { s: SERIES },
    );
    expect(result.errors).toBeUndefined();
    // 2 kept of 5 before and 6 after: union 5 + 6 − 2 = 9; 4 gained + 3 lost
    expect(result.data!.networkMetricSeries.tieChanges).toEqual([{ window: { label: '2020–21' }, jaccard: 2 / 9, hamming: 7 }]);
  });

  it('Actor.metricSeries gives one entry per window, null where the actor has no tie, from the same cached snapshots', async () => {
    await server.gql(`query($s: SeriesInput!) { networkMetricSeries(series: $s) { trend { verdict } } }`, { s: SERIES });
    server.storeCalls.clear();
    const result = await server.gql<{ u: { metricSeries: (Data | null)[] }; f: { metricSeries: (Data | null)[] } }>(
      `query($s: SeriesInput!) {
      u: actor(id: "u") { metricSeries(series: $s) { degree constraint } }
      f: actor(id: "F") { metricSeries(series: $s) { degree effectiveSize coreNumber } }
    }`,
      { s: SERIES },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.u.metricSeries).toEqual([null, { degree: 1, constraint: 1 }]);
    expect(result.data!.f.metricSeries).toEqual([
      { degree: 3, effectiveSize: 3, coreNumber: 1 },
      { degree: 1, effectiveSize: 1, coreNumber: 1 },
    ]);
    expect(rangeReads(server)).toBe(0);
  });

  it('Actor.metricSeries takes a scope and rejects a bad series naming the field', async () => {
    const scoped = await server.gql<{ actor: { metricSeries: (Data | null)[] } }>(
      `query($s: SeriesInput!) {
      actor(id: "s1a") { metricSeries(series: $s, scope: { actorKinds: [SCHOOL] }) { degree } }
    }`,
      { s: SERIES },
    );
    expect(scoped.data!.actor.metricSeries).toEqual([null, { degree: 1 }]);
    const bad = await server.gql(
      `{ actor(id: "u") { metricSeries(series: { from: "2021-01-01", to: "2020-01-01", step: MONTH }) { degree } } }`,
    );
    expect(bad.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'series.from']]);
  });
});

describe('suggestedIntroductions over GraphQL', () => {
  const QUERY = `query($actorId: ID!, $w: WindowInput!, $kinds: [ActorKind!], $first: Int) {
    suggestedIntroductions(actorId: $actorId, window: $w, candidateKinds: $kinds, first: $first) { actor { id kind } score via }
  }`;

  it("suggests actors of the actor's own kind by default, with the common partners", async () => {
    const result = await server.gql<{ suggestedIntroductions: Data[] }>(QUERY, { actorId: 's1a', w: YEAR_2 });
    expect(result.errors).toBeUndefined();
    // s1a – s2a – s1b: s1b is one common partner (s2a, degree 2) away
    expect(result.data!.suggestedIntroductions).toEqual([{ actor: { id: 's1b', kind: 'SCHOOL' }, score: 1 / Math.log(2), via: ['s2a'] }]);
  });

  it('takes other candidate kinds, ranks by score then id, and stops at first', async () => {
    const all = await server.gql<{ suggestedIntroductions: Data[] }>(QUERY, {
      actorId: 's1b',
      w: YEAR_2,
      kinds: ['SCHOOL', 'FOUNDATION', 'INTERMEDIARY'],
    });
    expect(all.errors).toBeUndefined();
    // s1b's partners: s2a (degree 2: s1a, s1b) and I1 (degree 3: F, I2, s1b)
    expect(all.data!.suggestedIntroductions).toEqual([
      { actor: { id: 's1a', kind: 'SCHOOL' }, score: 1 / Math.log(2), via: ['s2a'] },
      { actor: { id: 'F', kind: 'FOUNDATION' }, score: 1 / Math.log(3), via: ['I1'] },
      { actor: { id: 'I2', kind: 'INTERMEDIARY' }, score: 1 / Math.log(3), via: ['I1'] },
    ]);
    const one = await server.gql<{ suggestedIntroductions: Data[] }>(QUERY, {
      actorId: 's1b',
      w: YEAR_2,
      kinds: ['FOUNDATION', 'INTERMEDIARY'],
      first: 1,
    });
    expect(one.data!.suggestedIntroductions).toEqual([{ actor: { id: 'F', kind: 'FOUNDATION' }, score: 1 / Math.log(3), via: ['I1'] }]);
  });

  it('gives an empty list to an actor without ties in the window, BAD_USER_INPUT to an unknown one', async () => {
    const none = await server.gql<{ suggestedIntroductions: Data[] }>(QUERY, { actorId: 'u', w: YEAR_1 });
    expect(none).toMatchObject({ data: { suggestedIntroductions: [] } });
    const unknown = await server.gql(QUERY, { actorId: 'nobody', w: YEAR_1 });
    expect(unknown.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message])).toEqual([
      ['BAD_USER_INPUT', 'actorId', 'actorId: "nobody" is not a known actor'],
    ]);
    const tooMany = await server.gql(QUERY, { actorId: 'u', w: YEAR_1, first: -1 });
    expect(tooMany.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'first']]);
  });
});

describe('Florentine families through the API match networkx', () => {
  const fixture = loadFixture('florentine');
  let florentine: TestServer;
  beforeAll(async () => {
    florentine = await startTestServer();
    await florentine.gql(UPSERT_ACTORS, { actors: fixture.actors.map((a) => ({ id: a.id, name: a.id, kind: a.kind })) });
    const interactions = fixture.edges.map(([a, b], i) => tie(new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(), a, b));
    expect((await florentine.gql(RECORD_INTERACTIONS, { interactions })).errors).toBeUndefined();
  });
  afterAll(() => florentine.stop());
  const window = { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' };
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9;

  it('constraint, effective size and core number to 1e-9', async () => {
    const result = await florentine.gql<{
      networkMetrics: { actors: { actor: { id: string }; constraint: number; effectiveSize: number; coreNumber: number }[] };
    }>(
      `query($w: WindowInput!) { networkMetrics(window: $w) { actors(orderBy: CONSTRAINT, first: 100) { actor { id } constraint effectiveSize coreNumber } } }`,
      { w: window },
    );
    const actors = result.data!.networkMetrics.actors;
    expect(actors).toHaveLength(fixture.actors.length);
    for (const reference of fixture.actors) {
      const got = actors.find((a) => a.actor.id === reference.id)!;
      expect([
        reference.id,
        near(got.constraint, reference.constraint!),
        near(got.effectiveSize, reference.effectiveSize!),
        got.coreNumber,
      ]).toEqual([reference.id, true, true, reference.coreNumber]);
    }
  });

  it("Medici's introductions are networkx's Adamic–Adar scores to 1e-9", async () => {
    const result = await florentine.gql<{ suggestedIntroductions: { actor: { id: string }; score: number; via: string[] }[] }>(
      `query($w: WindowInput!) { suggestedIntroductions(actorId: "Medici", window: $w, candidateKinds: [FOUNDATION, INTERMEDIARY], first: 100) { actor { id } score via } }`,
      { w: window },
    );
    expect(result.errors).toBeUndefined();
    const expected = fixture.adamicAdar
      .filter(([u, v]) => u === 'Medici' || v === 'Medici')
      .map(([u, v, score]) => ({ id: u === 'Medici' ? v : u, score }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const got = result.data!.suggestedIntroductions;
    expect(got.map((i) => i.actor.id)).toEqual(expected.map((e) => e.id));
    got.forEach((introduction, i) => expect(near(introduction.score, expected[i]!.score)).toBe(true));
  });
});
