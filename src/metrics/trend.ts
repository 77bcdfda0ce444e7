import type { Step } from './series';

export const TREND_VERDICTS = ['MORE_PEER_CONNECTED', 'MORE_HUB_CENTERED', 'NO_CLEAR_CHANGE'] as const;
export type TrendVerdict = (typeof TREND_VERDICTS)[number];

/**
 * A change smaller than this over the whole series (5 points of betweenness
 * centralization, or 5 percentage points of peer-tie share) is not a clear change.
 */
export const TREND_THRESHOLD = 0.05;

export interface Trend {
  /** Least-squares slope of betweennessCentralization per step (window index); 0 with one window. */
  readonly betweennessCentralizationSlope: number;
  /** Least-squares slope of peerTieShare per step; 0 with one window. */
  readonly peerTieShareSlope: number;
  readonly verdict: TrendVerdict;
  /** One plain-English sentence with the figures, for a report. */
  readonly summary: string;
}

/** What the trend reads from each window, in series order. */
export interface TrendPoint {
  readonly label: string;
  readonly betweennessCentralization: number;
  readonly peerTieShare: number;
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
 * The trend of a series: is the network moving away from hub-and-spoke?
 *
 * Both slopes are least squares per step. The rule behind the verdict looks at the fitted
 * change over the whole series, slope × (windows − 1):
 * - the series points towards peers when betweenness centralization fell by at least 0.05
 *   or the peer-tie share rose by at least 0.05 (5 points);
 * - it points towards the hub when betweenness centralization rose by at least 0.05 or the
 *   peer-tie share fell by at least 0.05;
 * - MORE_PEER_CONNECTED when it points towards peers only, MORE_HUB_CENTERED when towards
 *   the hub only, NO_CLEAR_CHANGE otherwise (neither, both at once, or a single window).
 */
export function computeTrend(points: readonly TrendPoint[], step: Step): Trend {
  const centralization = points.map((p) => p.betweennessCentralization);
  const peer = points.map((p) => p.peerTieShare);
  const betweennessCentralizationSlope = leastSquaresSlope(centralization);
  const peerTieShareSlope = leastSquaresSlope(peer);
  const span = Math.max(points.length - 1, 0);
  const centralizationChange = betweennessCentralizationSlope * span;
  const peerChange = peerTieShareSlope * span;
  const towardsPeers = centralizationChange <= -TREND_THRESHOLD || peerChange >= TREND_THRESHOLD;
  const towardsHub = centralizationChange >= TREND_THRESHOLD || peerChange <= -TREND_THRESHOLD;
  const verdict: TrendVerdict =
    towardsPeers && !towardsHub ? 'MORE_PEER_CONNECTED' : towardsHub && !towardsPeers ? 'MORE_HUB_CENTERED' : 'NO_CLEAR_CHANGE';
  return {
    betweennessCentralizationSlope,
    peerTieShareSlope,
    verdict,
    summary: summarize(points, step, betweennessCentralizationSlope, peerTieShareSlope, verdict),
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
 * E.g. "Across 7 windows (2018–19 to 2024–25), betweenness centralization went from 0.91
 * to 0.38 (−0.088 per school year) and the share of ties not involving a foundation from
 * 12% to 64% (+8.7 points per school year): the network became more peer-connected."
 * Slopes are given to two significant figures.
 */
function summarize(points: readonly TrendPoint[], step: Step, bcSlope: number, peerSlope: number, verdict: TrendVerdict): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'No windows, so no trend.';
  const per = `per ${STEP_WORDS[step]}`;
  if (points.length === 1) {
    return (
      `Only one window (${first.label}): betweenness centralization ${fixed(first.betweennessCentralization)} and ` +
      `${percent(first.peerTieShare)} of ties not involving a foundation; a trend needs at least two windows.`
    );
  }
  const span = first.label.includes(' to ') || last.label.includes(' to ')
    ? `first window ${first.label}, last ${last.label}`
    : `${first.label} to ${last.label}`;
  return (
    `Across ${points.length} windows (${span}), betweenness centralization went from ` +
    `${fixed(first.betweennessCentralization)} to ${fixed(last.betweennessCentralization)} (${slope(bcSlope)} ${per}) ` +
    `and the share of ties not involving a foundation from ${percent(first.peerTieShare)} to ${percent(last.peerTieShare)} ` +
    `(${slope(peerSlope * 100)} points ${per}): ${CONCLUSIONS[verdict]}.`
  );
}

function fixed(value: number): string {
  return value.toFixed(2);
}

/** Signed, two significant figures; ±0 below 0.0001. */
function slope(value: number): string {
  if (Math.abs(value) < 1e-4) return '±0';
  const text = Math.abs(value).toPrecision(2);
  return value < 0 ? `−${text}` : `+${text}`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
