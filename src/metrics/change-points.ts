import { InvalidInputError } from '../domain/errors';
import type { NetworkFigures } from './snapshot';

/**
 * Change points: when did a signal of the series shift? Tabular two-sided CUSUM with
 * re-baselining (Page 1954; as ORA's Over-Time Viewer applies it to network measures,
 * McCulloh & Carley 2011). For one signal x₀, x₁, … (one value per window, in order):
 *
 * - the first baseline is the first `baselineWindows` windows (at least 2): μ₀ = their
 *   mean, σ = their sample standard deviation (n − 1); a signal whose σ is 0 (every
 *   baseline value equal) gets no change points;
 * - for every window t after the baseline, z_t = (x_t − μ₀)/σ;
 *   C⁺_t = max(0, C⁺_{t−1} + z_t − k), C⁻_t = max(0, C⁻_{t−1} − z_t − k), both starting
 *   at 0 at the end of the baseline;
 * - an alarm is the first window where C⁺ > h (direction UP) or C⁻ > h (DOWN). Its
 *   `window` is that window; `since` is the window after the last one where that sum (C⁺
 *   for UP, C⁻ for DOWN) was 0, or the first window after the baseline; `statistic` is
 *   that sum at the alarm. When both sums pass h in one window, the larger gives the
 *   direction (UP on equality; with k ≥ 0 both cannot pass h at once, as C⁺ + C⁻ ≤ 2h
 *   before the window and the window adds −2k to their sum);
 * - after an alarm the signal is re-baselined: the alarm's window and the
 *   `baselineWindows − 1` windows after it form a new baseline (a new μ₀ and σ; σ = 0, or
 *   fewer windows left than a baseline, ends that signal's change points), both sums
 *   restart at 0, and watching resumes after the new baseline. So a lasting shift gives
 *   one change point, and a series can have several, one per shift;
 * - a series of fewer than `baselineWindows + 1` windows has none.
 *
 * Defaults: baselineWindows 4, k 0.5 (half a standard deviation of slack), h 4.
 */

export const CHANGE_SIGNALS = [
  'BETWEENNESS_CENTRALIZATION',
  'DENSITY',
  'CROSS_NETWORK_TIE_SHARE',
  'FOUNDATION_TIE_SHARE',
  'FOUNDATION_INITIATED_SHARE',
] as const;
export type ChangeSignal = (typeof CHANGE_SIGNALS)[number];

export const CHANGE_DIRECTIONS = ['UP', 'DOWN'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];

/** Each signal's value in a window's figures. */
export const CHANGE_SIGNAL_VALUE: Readonly<Record<ChangeSignal, (figures: NetworkFigures) => number>> = {
  BETWEENNESS_CENTRALIZATION: (f) => f.betweennessCentralization,
  DENSITY: (f) => f.density,
  CROSS_NETWORK_TIE_SHARE: (f) => f.crossNetworkTieShare,
  FOUNDATION_TIE_SHARE: (f) => f.tieMix.foundation,
  FOUNDATION_INITIATED_SHARE: (f) => f.foundationInitiatedShare,
};

export interface CusumOptions {
  readonly baselineWindows: number;
  readonly k: number;
  readonly h: number;
}

export const DEFAULT_CUSUM: CusumOptions = { baselineWindows: 4, k: 0.5, h: 4 };

/** The most baseline windows one may ask for (the longest series). */
const MAX_BASELINE_WINDOWS = 520;

/** One alarm of one signal; windows are indexes into the series. */
export interface SignalChangePoint {
  readonly direction: ChangeDirection;
  /** The alarm's window. */
  readonly window: number;
  /** The window after the last one where the alarm's sum was 0, or the first window after the baseline. */
  readonly since: number;
  /** The alarm's sum (C⁺ for UP, C⁻ for DOWN) at the alarm. */
  readonly statistic: number;
}

/** What CUSUM computed at one window: null in a baseline (and after the last baseline ends watching). */
export interface CusumSums {
  readonly z: number;
  readonly plus: number;
  readonly minus: number;
}

export interface SignalCusum {
  readonly changePoints: readonly SignalChangePoint[];
  /** One per window: the sums after that window, or null where the signal was not watched. */
  readonly sums: readonly (CusumSums | null)[];
}

export interface ChangePoint extends SignalChangePoint {
  readonly signal: ChangeSignal;
}

/**
 * Checks the arguments; throws InvalidInputError naming `baselineWindows` (a whole number
 * from 2 to 520), `k` (finite, ≥ 0) or `h` (finite, > 0).
 */
export function checkCusumOptions(options: CusumOptions): CusumOptions {
  const { baselineWindows, k, h } = options;
  if (!Number.isInteger(baselineWindows) || baselineWindows < 2 || baselineWindows > MAX_BASELINE_WINDOWS) {
    throw new InvalidInputError('baselineWindows', baselineWindows, `must be a whole number from 2 to ${MAX_BASELINE_WINDOWS}`);
  }
  if (typeof k !== 'number' || !Number.isFinite(k) || k < 0) throw new InvalidInputError('k', k, 'must be a finite number ≥ 0');
  if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) throw new InvalidInputError('h', h, 'must be a finite number > 0');
  return options;
}

/** The CUSUM of one signal (see the module header), with its sums for every window. */
export function signalCusum(values: readonly number[], options: CusumOptions = DEFAULT_CUSUM): SignalCusum {
  const { baselineWindows: b, k, h } = checkCusumOptions(options);
  const sums: (CusumSums | null)[] = values.map(() => null);
  const changePoints: SignalChangePoint[] = [];
  let start = 0;
  while (start + b < values.length) {
    const baseline = values.slice(start, start + b);
    // Equal values are σ = 0 exactly; the floating-point deviations from their mean are not.
    if (Math.min(...baseline) === Math.max(...baseline)) break;
    const mean = baseline.reduce((sum, x) => sum + x, 0) / b;
    const sigma = Math.sqrt(baseline.reduce((sum, x) => sum + (x - mean) * (x - mean), 0) / (b - 1));
    let plus = 0;
    let minus = 0;
    let lastPlusZero = start + b - 1;
    let lastMinusZero = start + b - 1;
    let alarm: SignalChangePoint | null = null;
    for (let t = start + b; t < values.length && alarm === null; t++) {
      const z = (values[t]! - mean) / sigma;
      plus = Math.max(0, plus + z - k);
      minus = Math.max(0, minus - z - k);
      sums[t] = { z, plus, minus };
      if (plus > h || minus > h) {
        const up = plus >= minus;
        alarm = { direction: up ? 'UP' : 'DOWN', window: t, since: (up ? lastPlusZero : lastMinusZero) + 1, statistic: up ? plus : minus };
      }
      if (plus === 0) lastPlusZero = t;
      if (minus === 0) lastMinusZero = t;
    }
    if (alarm === null) break;
    changePoints.push(alarm);
    start = alarm.window;
  }
  return { changePoints, sums };
}

/**
 * The change points of a series' five signals (CHANGE_SIGNALS, in that order), each
 * signal's in window order. `figures[i]` is window i.
 */
export function seriesChangePoints(figures: readonly NetworkFigures[], options: CusumOptions = DEFAULT_CUSUM): ChangePoint[] {
  checkCusumOptions(options);
  return CHANGE_SIGNALS.flatMap((signal) =>
    signalCusum(figures.map(CHANGE_SIGNAL_VALUE[signal]), options).changePoints.map((point) => ({ signal, ...point })),
  );
}
