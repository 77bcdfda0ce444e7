import { startTestServer, type TestServer } from './harness';
import { seedNetwork } from './seed-network';

/**
 * changePoints over real HTTP. Every month has the same four ties (F–I1, F–I2, F–s1a,
 * I1–I2), so density, betweenness centralization and the tie shares are flat (σ = 0: no
 * change points); only who initiates them changes: the foundation initiates 2, 1, 3, 3, 3, 3
 * of the 4, a foundationInitiatedShare of 0.5, 0.25, 0.75, 0.75, 0.75, 0.75.
 */
const ACTORS = [
  { id: 'F', name: 'Foundation', kind: 'FOUNDATION' },
  { id: 'I1', name: 'Intermediary 1', kind: 'INTERMEDIARY' },
  { id: 'I2', name: 'Intermediary 2', kind: 'INTERMEDIARY' },
  { id: 's1a', name: 'School 1a', kind: 'SCHOOL', affiliationId: 'I1' },
];
const FOUNDATION_INITIATES = [2, 1, 3, 3, 3, 3];
const MONTHS = ['2019-08', '2019-09', '2019-10', '2019-11', '2019-12', '2020-01'];
const PAIRS: [string, string][] = [
  ['F', 'I1'],
  ['F', 'I2'],
  ['F', 's1a'],
  ['I2', 'I1'],
];
const LOG = MONTHS.flatMap((month, m) =>
  PAIRS.map(([a, b], i) => {
    const [initiatorId, other] = i < FOUNDATION_INITIATES[m]! || a !== 'F' ? [a, b] : [b, a];
    return { kind: 'OTHER', occurredAt: `${month}-0${i + 1}T10:00:00Z`, initiatorId, participantIds: [other] };
  }),
);
const SERIES = { from: '2019-08-01T00:00:00Z', to: '2020-02-01T00:00:00Z', step: 'MONTH' };
const QUERY = `query($s: SeriesInput!, $b: Int, $k: Float, $h: Float) {
  networkMetricSeries(series: $s) {
    snapshots { foundationInitiatedShare }
    changePoints(baselineWindows: $b, k: $k, h: $h) { signal direction window { label } since { label } statistic }
  }
}`;

type Result = { networkMetricSeries: { snapshots: { foundationInitiatedShare: number }[]; changePoints: Record<string, unknown>[] } };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedNetwork(server, ACTORS, LOG);
});
afterAll(() => server.stop());

describe('NetworkSeries.changePoints over GraphQL', () => {
  it('a two-window baseline finds the foundation taking the initiative back, since 2019-10, alarmed in 2019-12', async () => {
    const result = await server.gql<Result>(QUERY, { s: SERIES, b: 2 });
    expect(result.errors).toBeUndefined();
    const series = result.data!.networkMetricSeries;
    expect(series.snapshots.map((s) => s.foundationInitiatedShare)).toEqual([0.5, 0.25, 0.75, 0.75, 0.75, 0.75]);
    // μ₀ = 0.375, σ = √(2 · 0.125²) = 0.125√2; z = 0.375 / σ = 3/√2 each month after; C⁺ = 3/√2 − 0.5, twice that, 3× (> 4)
    expect(series.changePoints).toEqual([
      {
        signal: 'FOUNDATION_INITIATED_SHARE',
        direction: 'UP',
        window: { label: '2019-12' },
        since: { label: '2019-10' },
        statistic: expect.closeTo(9 / Math.SQRT2 - 1.5, 12),
      },
    ]);
  });

  it('defaults (baselineWindows 4, k 0.5, h 4): the baseline takes in the shift, so none; h 0.2 alarms at once', async () => {
    const defaults = await server.gql<Result>(QUERY, { s: SERIES });
    expect(defaults.errors).toBeUndefined();
    expect(defaults.data!.networkMetricSeries.changePoints).toEqual([]);
    // baseline [0.5, 0.25, 0.75, 0.75]: μ₀ = 0.5625, σ² = 0.171875 / 3; z = 0.1875 / σ; C⁺ = z − 0.5
    const low = await server.gql<Result>(QUERY, { s: SERIES, h: 0.2 });
    const z = 0.1875 / Math.sqrt(0.171875 / 3);
    expect(low.data!.networkMetricSeries.changePoints).toEqual([
      {
        signal: 'FOUNDATION_INITIATED_SHARE',
        direction: 'UP',
        window: { label: '2019-12' },
        since: { label: '2019-12' },
        statistic: expect.closeTo(z - 0.5, 12),
      },
    ]);
  });

  it('a series of baselineWindows windows or fewer has none', async () => {
    const result = await server.gql<Result>(QUERY, { s: SERIES, b: 6 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.networkMetricSeries.changePoints).toEqual([]);
  });

  it.each([
    [{ b: 1 }, 'baselineWindows', 'baselineWindows: 1 must be a whole number from 2 to 520'],
    [{ b: 600 }, 'baselineWindows', 'baselineWindows: 600 must be a whole number from 2 to 520'],
    [{ k: -0.5 }, 'k', 'k: -0.5 must be a finite number ≥ 0'],
    [{ h: 0 }, 'h', 'h: 0 must be a finite number > 0'],
    [{ h: -3 }, 'h', 'h: -3 must be a finite number > 0'],
  ])('bad arguments %j are BAD_USER_INPUT naming them', async (args, field, message) => {
    const result = await server.gql<Result>(QUERY, { s: SERIES, ...args });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message])).toEqual([['BAD_USER_INPUT', field, message]]);
    // the server is still up
    expect((await server.gql<Result>(QUERY, { s: SERIES, b: 2 })).data!.networkMetricSeries.changePoints).toHaveLength(1);
  });
});
