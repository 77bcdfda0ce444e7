import { InvalidInputError } from '../../src/domain/errors';
import { seriesChangePoints, signalCusum } from '../../src/metrics/change-points';
import type { NetworkFigures } from '../../src/metrics/snapshot';

/**
 * Synthetic signals with known shifts. Every first baseline is [13, 9, 9, 9]: μ₀ = 10 and
 * σ = √((9 + 1 + 1 + 1) / 3) = 2, so z = (x − 10) / 2 is a multiple of 0.5 and every sum is
 * exact. Defaults: baselineWindows 4, k 0.5, h 4.
 */
const BASELINE = [13, 9, 9, 9];
// windows 4–9 noise around 10; a step up to ~14 at window 10 of 30
const STEP_UP = [...BASELINE, 10, 11, 9, 10, 12, 8, 14, 15, 13, 15, 13, 15, 14, 13, 15, 14, 14, 13, 15, 14, 15, 13, 14, 14, 15, 13];

const sumsOf = (values: readonly number[]) => signalCusum(values).sums.map((s) => (s ? [s.plus, s.minus] : null));

describe('tabular two-sided CUSUM with re-baselining', () => {
  it('a step up at window 10 of 30 with noise: one UP alarm at window 12, since window 10, C⁺ = 4.5', () => {
    const { changePoints, sums } = signalCusum(STEP_UP);
    expect(changePoints).toEqual([{ direction: 'UP', window: 12, since: 10, statistic: 4.5 }]);
    // z: 0, .5, −.5, 0, 1, −1, 2, 2.5, 1.5 → C⁺ = max(0, C⁺ + z − .5), C⁻ = max(0, C⁻ − z − .5)
    expect(sums.slice(0, 13).map((s) => (s ? [s.plus, s.minus] : null))).toEqual([
      null,
      null,
      null,
      null,
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0.5, 0], // z = 1
      [0, 0.5], // z = −1: C⁺ = max(0, .5 − 1 − .5) = 0, so "since" is the window after this one
      [1.5, 0], // z = 2
      [3.5, 0], // z = 2.5
      [4.5, 0], // z = 1.5: 4.5 > 4, the alarm
    ]);
    // windows 12–15 [13, 15, 13, 15] are the new baseline (μ₀ = 14, σ = √(4/3)); watching resumes at 16
    expect(sums.slice(13, 16)).toEqual([null, null, null]);
    expect(sums[16]).toEqual({ z: 0, plus: 0, minus: 0 });
    expect(sums[17]!.z).toBeCloseTo(-1 / Math.sqrt(4 / 3), 12);
    expect(sums[17]!.minus).toBeCloseTo(1 / Math.sqrt(4 / 3) - 0.5, 12);
    expect(sums.slice(13).every((s) => s === null || (s.plus < 0.5 && s.minus < 0.5))).toBe(true);
  });

  it('a step down (the same series mirrored): one DOWN alarm with the same sums in C⁻', () => {
    const down = STEP_UP.map((x) => 20 - x);
    expect(signalCusum(down).changePoints).toEqual([{ direction: 'DOWN', window: 12, since: 10, statistic: 4.5 }]);
    expect(sumsOf(down).slice(8, 13)).toEqual([
      [0, 0.5],
      [0.5, 0],
      [0, 1.5],
      [0, 3.5],
      [0, 4.5],
    ]);
  });

  it('a flat series with noise: no change point, no sum above 0.5', () => {
    const flat = [...BASELINE, 10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 10, 9, 11, 12, 8, 10];
    const { changePoints, sums } = signalCusum(flat);
    expect(changePoints).toEqual([]);
    expect(Math.max(...sums.flatMap((s) => (s ? [s.plus, s.minus] : [])))).toBe(0.5);
    expect(sumsOf(flat).slice(16, 20)).toEqual([
      [0, 0],
      [0.5, 0],
      [0, 0.5],
      [0, 0],
    ]);
  });

  it('a σ = 0 baseline gives no change points, even before a large shift', () => {
    const { changePoints, sums } = signalCusum([0.3, 0.3, 0.3, 0.3, 0.9, 0.9, 0.9, 0.9]);
    expect(changePoints).toEqual([]);
    expect(sums.every((s) => s === null)).toBe(true);
  });

  it('two successive shifts: one change point each, re-baselined after the first', () => {
    // up to ~14 at window 6; baseline 8–11 [15, 15, 15, 11]: μ₀ = 14, σ = √(12/3) = 2; down to 10 at window 14;
    // baseline 16–19 [10, 9, 11, 10]
    const two = [...BASELINE, 10, 10, 14, 14, 15, 15, 15, 11, 14, 14, 10, 10, 10, 9, 11, 10, 10, 10];
    const { changePoints, sums } = signalCusum(two);
    expect(changePoints).toEqual([
      { direction: 'UP', window: 8, since: 6, statistic: 5 }, // z = 2, 2, 2.5: C⁺ = 1.5, 3, 5
      { direction: 'DOWN', window: 16, since: 14, statistic: 4.5 }, // z = −2 ×3: C⁻ = 1.5, 3, 4.5
    ]);
    expect(sums.map((s) => (s ? [s.plus, s.minus] : null))).toEqual([
      null,
      null,
      null,
      null,
      [0, 0],
      [0, 0],
      [1.5, 0],
      [3, 0],
      [5, 0],
      null,
      null,
      null,
      [0, 0],
      [0, 0],
      [0, 1.5],
      [0, 3],
      [0, 4.5],
      null,
      null,
      null,
      [0, 0],
      [0, 0],
    ]);
  });

  it('a lasting shift is one change point, not one per window', () => {
    const lasting = [...BASELINE, ...Array<number>(26).fill(16)];
    // z = 3: C⁺ = 2.5, 5 → alarm at window 5; the new baseline [16, 16, 16, 16] has σ = 0, which ends the signal
    expect(signalCusum(lasting).changePoints).toEqual([{ direction: 'UP', window: 5, since: 4, statistic: 5 }]);
  });

  it('k and h change the sums and the threshold; since follows the last zero of the alarm’s own sum', () => {
    // k = 0: C⁺ = 0, .5, 0, 0, 1, 0, 2, 4.5 (> 4 at window 11)
    expect(signalCusum(STEP_UP, { baselineWindows: 4, k: 0, h: 4 }).changePoints).toEqual([
      { direction: 'UP', window: 11, since: 10, statistic: 4.5 },
    ]);
    // h = 1: C⁺ 1.5 > 1 at window 10
    expect(signalCusum(STEP_UP, { baselineWindows: 4, k: 0.5, h: 1 }).changePoints[0]).toEqual({
      direction: 'UP',
      window: 10,
      since: 10,
      statistic: 1.5,
    });
  });

  it('fewer than baselineWindows + 1 windows: none', () => {
    expect(signalCusum([13, 9, 9, 9]).changePoints).toEqual([]);
    expect(signalCusum([1, 2], { baselineWindows: 2, k: 0.5, h: 4 }).changePoints).toEqual([]);
    expect(signalCusum([]).changePoints).toEqual([]);
  });

  it('bad arguments name themselves', () => {
    const bad = (options: { baselineWindows: number; k: number; h: number }) => () => signalCusum(STEP_UP, options);
    expect(bad({ baselineWindows: 1, k: 0.5, h: 4 })).toThrow(
      new InvalidInputError('baselineWindows', 1, 'must be a whole number from 2 to 520'),
    );
    expect(bad({ baselineWindows: 2.5, k: 0.5, h: 4 })).toThrow('baselineWindows: 2.5');
    expect(bad({ baselineWindows: 4, k: -1, h: 4 })).toThrow('k: -1 must be a finite number ≥ 0');
    expect(bad({ baselineWindows: 4, k: Number.NaN, h: 4 })).toThrow(/^k: /);
    expect(bad({ baselineWindows: 4, k: 0.5, h: 0 })).toThrow('h: 0 must be a finite number > 0');
  });

  it('seriesChangePoints reads the five signals from the figures, in CHANGE_SIGNALS order', () => {
    const figures = STEP_UP.map(
      (x, i) =>
        ({
          betweennessCentralization: x / 20,
          density: 20 - x,
          crossNetworkTieShare: 0.5,
          tieMix: { foundation: (i % 2) + 1, withinNetwork: 0, crossNetwork: 0, other: 0 },
          foundationInitiatedShare: x,
        }) as unknown as NetworkFigures,
    );
    expect(seriesChangePoints(figures)).toEqual([
      { signal: 'BETWEENNESS_CENTRALIZATION', direction: 'UP', window: 12, since: 10, statistic: expect.closeTo(4.5, 12) },
      { signal: 'DENSITY', direction: 'DOWN', window: 12, since: 10, statistic: 4.5 },
      { signal: 'FOUNDATION_INITIATED_SHARE', direction: 'UP', window: 12, since: 10, statistic: 4.5 },
    ]);
  });
});
