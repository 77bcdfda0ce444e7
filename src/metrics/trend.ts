import type { Step } from './series';
import type { NetworkFigures } from './snapshot';

export const TREND_VERDICTS = ['MORE_PEER_CONNECTED', 'MORE_HUB_CENTERED', 'NO_CLEAR_CHANGE'] as const;
export type TrendVerdict = (typeof TREND_VERDICTS)[number];

/**
 * A fitted change smaller than this over the whole series (5 points of betweenness
 * centralization, or 5 percentage points of a share) is not a clear change.
 */
export const TREND_THRESHOLD = 0.05;

export interface Trend {
  /** Least-squares slope of betweennessCentralization per step (window index); 0 with one window. */
  readonly betweennessCentralizationSlope: number;
  /** Least-squares slope of peerTieShare per step; 0 with one window. */
  readonly peerTieShareSlope: number;
  /** Least-squares slope of crossNetworkTieShare per step. */
  readonly crossNetworkTieShareSlope: number;
  /** Least-squares slope of tieMix.foundation (the foundation's share of the ties) per step. */
  readonly foundationTieShareSlope: number;
  /** Least-squares slope of foundationInitiatedShare per step. */
  readonly foundationInitiatedShareSlope: number;
  readonly verdict: TrendVerdict;
  /** One plain-English sentence with the figures, naming the signals that moved, for a report. */
  readonly summary: string;
}

/** What the trend reads from each window, in series order. */
export interface TrendPoint {
  readonly label: string;
  readonly betweennessCentralization: number;
  readonly peerTieShare: number;
  /** tieMix.foundation. */
  readonly foundationTieShare: number;
  readonly crossNetworkTieShare: number;
  readonly foundationInitiatedShare: number;
}

/** A window's trend point out of its figures. */
export function trendPointOf(label: string, figures: NetworkFigures): TrendPoint {
  return {
    label,
    betweennessCentralization: figures.betweennessCentralization,
    peerTieShare: figures.peerTieShare,
    foundationTieShare: figures.tieMix.foundation,
    crossNetworkTieShare: figures.crossNetworkTieShare,
    foundationInitiatedShare: figures.foundationInitiatedShare,
  };
}

/** Ordinary least-squares slope of ys against 0, 1, 2, ...; 0 for fewer than two values. */
export function leastSquaresSlope(ys: readonly number[]): number {
  const k = ys.length;
  if (k < 2) return 0;
  const meanX = (k - 1) / 2;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / k;
  let sxy = 0;
  let sxx = 0;
  ys.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) * (x - meanX);
  });
  return sxy / sxx;
}

/**
 * The four signals the verdict weighs, and which way is "towards peers" for each. The
 * peer-tie share is not a fifth: it is 1 − the foundation's tie share, the same signal.
 */
interface Signal {
  readonly name: string;
  /** +1 when a rise means more peer-connected, −1 when a fall does. */
  readonly peerDirection: 1 | -1;
  readonly value: (point: TrendPoint) => number;
  readonly format: 'fixed' | 'percent';
}

const SIGNALS: readonly Signal[] = [
  { name: 'betweenness centralization', peerDirection: -1, value: (p) => p.betweennessCentralization, format: 'fixed' },
  { name: "the foundation's share of ties", peerDirection: -1, value: (p) => p.foundationTieShare, format: 'percent' },
  { name: 'the cross-network share of ties', peerDirection: 1, value: (p) => p.crossNetworkTieShare, format: 'percent' },
  {
    name: "the foundation's share of initiated interactions",
    peerDirection: -1,
    value: (p) => p.foundationInitiatedShare,
    format: 'percent',
  },
];

/**
 * The trend of a series: is the network moving away from hub-and-spoke?
 *
 * Every slope is least squares per step. The verdict weighs four signals, each by its
 * fitted change over the whole series, slope × (windows − 1):
 * - betweenness centralization (a fall points towards peers),
 * - the foundation's share of the ties, tieMix.foundation (a fall points towards peers),
 * - the cross-network share of the ties (a rise points towards peers),
 * - the foundation's share of the initiated interactions (a fall points towards peers).
 * A signal votes only when its fitted change is at least 0.05 (5 points) either way.
 * MORE_PEER_CONNECTED when more signals vote towards peers than towards the hub,
 * MORE_HUB_CENTERED when more vote towards the hub, NO_CLEAR_CHANGE on a tie (none moved,
 * or as many each way) and for a single window. Each signal is a different facet of the
 * same story (who holds the network together, whose ties they are, whether networks meet,
 * who takes the initiative), so a majority of the facets that moved is the story; taking
 * the windows in reverse order negates every slope and so turns the verdict round.
 */
export function computeTrend(points: readonly TrendPoint[], step: Step): Trend {
  const slopes = SIGNALS.map((signal) => leastSquaresSlope(points.map(signal.value)));
  const span = Math.max(points.length - 1, 0);
  let towardsPeers = 0;
  let towardsHub = 0;
  slopes.forEach((slope, i) => {
    const peerward = slope * span * SIGNALS[i]!.peerDirection;
    if (peerward >= TREND_THRESHOLD) towardsPeers += 1;
    else if (peerward <= -TREND_THRESHOLD) towardsHub += 1;
  });
  const verdict: TrendVerdict =
    towardsPeers > towardsHub ? 'MORE_PEER_CONNECTED' : towardsHub > towardsPeers ? 'MORE_HUB_CENTERED' : 'NO_CLEAR_CHANGE';
  return {
    betweennessCentralizationSlope: slopes[0]!,
    peerTieShareSlope: leastSquaresSlope(points.map((p) => p.peerTieShare)),
    foundationTieShareSlope: slopes[1]!,
    crossNetworkTieShareSlope: slopes[2]!,
    foundationInitiatedShareSlope: slopes[3]!,
    verdict,
    summary: summarize(points, step, slopes, verdict),
  };
}

const STEP_WORDS: Record<Step, string> = {
  WEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
  SCHOOL_YEAR: 'school year',
  YEAR: 'year',
};

const CONCLUSIONS: Record<TrendVerdict, string> = {
  MORE_PEER_CONNECTED: 'the network became more peer-connected',
  MORE_HUB_CENTERED: 'the network became more centered on its hub',
  NO_CLEAR_CHANGE: 'there is no clear change in how hub-centered the network is',
};

/**
 * E.g. "Across 7 windows (2018–19 to 2024–25), betweenness centralization fell from 0.62 to
 * 0.35 (−0.046 per school year) and the cross-network share of ties rose from 4% to 15%
 * (+1.9 points per school year); the foundation's share of ties (4% to 2%) and the
 * foundation's share of initiated interactions (6% to 2%) did not clearly change: the
 * network became more peer-connected."
 * Signals that moved (fitted change ≥ 0.05) come first, with their slope to two significant
 * figures; the others are listed as not clearly changed.
 */
function summarize(points: readonly TrendPoint[], step: Step, slopes: readonly number[], verdict: TrendVerdict): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'No windows, so no trend.';
  const per = `per ${STEP_WORDS[step]}`;
  if (points.length === 1) {
    const figures = SIGNALS.map((signal) => `${signal.name} ${show(signal, signal.value(first))}`);
    return `Only one window (${first.label}): ${list(figures)}; a trend needs at least two windows.`;
  }
  const span =
    first.label.includes(' to ') || last.label.includes(' to ')
      ? `first window ${first.label}, last ${last.label}`
      : `${first.label} to ${last.label}`;
  const fitted = points.length - 1;
  const moved: string[] = [];
  const steady: string[] = [];
  SIGNALS.forEach((signal, i) => {
    const slopeValue = slopes[i]!;
    const from = show(signal, signal.value(first));
    const to = show(signal, signal.value(last));
    if (Math.abs(slopeValue * fitted) >= TREND_THRESHOLD) {
      const rate = signal.format === 'percent' ? `${signed(slopeValue * 100)} points ${per}` : `${signed(slopeValue)} ${per}`;
      moved.push(`${signal.name} ${slopeValue > 0 ? 'rose' : 'fell'} from ${from} to ${to} (${rate})`);
    } else {
      steady.push(`${signal.name} (${from} to ${to})`);
    }
  });
  const head = `Across ${points.length} windows (${span}), `;
  if (moved.length === 0) return `${head}none of the four signals clearly changed: ${list(steady)}: ${CONCLUSIONS[verdict]}.`;
  const rest = steady.length === 0 ? '' : `; ${list(steady)} did not clearly change`;
  return `${head}${list(moved)}${rest}: ${CONCLUSIONS[verdict]}.`;
}

function show(signal: Signal, value: number): string {
  return signal.format === 'percent' ? `${Math.round(value * 100)}%` : value.toFixed(2);
}

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Signed, two significant figures; ±0 below 0.0001. */
function signed(value: number): string {
  if (Math.abs(value) < 1e-4) return '±0';
  const text = Math.abs(value).toPrecision(2);
  return value < 0 ? `−${text}` : `+${text}`;
}
