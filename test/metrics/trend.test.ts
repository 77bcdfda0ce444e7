import { computeTrend, leastSquaresSlope, type TrendPoint } from '../../src/metrics/trend';

/** Points whose only moving signals are centralization and the peer-tie share (1 − the foundation's tie share). */
const points = (bc: number[], peer: number[]): TrendPoint[] =>
  bc.map((b, i) => ({
    label: `2019-Q${i + 1}`,
    betweennessCentralization: b,
    peerTieShare: peer[i]!,
    foundationTieShare: 1 - peer[i]!,
    crossNetworkTieShare: 0,
    foundationInitiatedShare: 0,
  }));

describe('trend', () => {
  it('least-squares slope per step', () => {
    expect(leastSquaresSlope([1, 2, 3, 4])).toBeCloseTo(1, 12);
    expect(leastSquaresSlope([0, 2, 1, 3])).toBeCloseTo(0.8, 12);
    expect(leastSquaresSlope([5])).toBe(0);
    expect(leastSquaresSlope([])).toBe(0);
  });

  it('falling centralization and rising peer share: more peer-connected', () => {
    const trend = computeTrend(points([0.9, 0.7, 0.5, 0.3], [0.1, 0.3, 0.5, 0.7]), 'QUARTER');
    expect(trend.betweennessCentralizationSlope).toBeCloseTo(-0.2, 12);
    expect(trend.peerTieShareSlope).toBeCloseTo(0.2, 12);
    expect(trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(trend.summary).toBe(
      'Across 4 windows (2019-Q1 to 2019-Q4), betweenness centralization went from 0.90 to 0.30 (−0.20 per quarter) ' +
        'and the share of ties not involving a foundation from 10% to 70% (+20 points per quarter): the network became more peer-connected.',
    );
  });

  it('rising centralization: more hub-centered', () => {
    const trend = computeTrend(points([0.2, 0.25, 0.3], [0.5, 0.5, 0.5]), 'YEAR');
    expect(trend.verdict).toBe('MORE_HUB_CENTERED');
    expect(trend.summary).toMatch(/\(\+0\.050 per year\).*\(±0 points per year\): the network became more centered on its hub\.$/);
  });

  it('changes under 0.05 over the series, or contradicting each other, are no clear change', () => {
    expect(computeTrend(points([0.5, 0.49, 0.48], [0.3, 0.31, 0.32]), 'MONTH').verdict).toBe('NO_CLEAR_CHANGE');
    expect(computeTrend(points([0.5, 0.6, 0.7], [0.3, 0.4, 0.5]), 'MONTH').verdict).toBe('NO_CLEAR_CHANGE');
  });

  it('names the first and last window when labels are ranges, and gives small slopes to two figures', () => {
    const trend = computeTrend(
      [
        { label: '2018-10 to 2018-12', betweennessCentralization: 0.72, peerTieShare: 0.95, foundationTieShare: 0.05, crossNetworkTieShare: 0.1, foundationInitiatedShare: 0.2 },
        { label: '2018-11 to 2019-01', betweennessCentralization: 0.7, peerTieShare: 0.9502, foundationTieShare: 0.0498, crossNetworkTieShare: 0.12, foundationInitiatedShare: 0.19 },
      ],
      'MONTH',
    );
    expect(trend.summary).toBe(
      'Across 2 windows (first window 2018-10 to 2018-12, last 2018-11 to 2019-01), betweenness centralization went from 0.72 to 0.70 ' +
        '(−0.020 per month) and the share of ties not involving a foundation from 95% to 95% (+0.020 points per month): ' +
        'there is no clear change in how hub-centered the network is.',
    );
  });

  it('one window has no trend', () => {
    const trend = computeTrend(points([0.4], [0.25]), 'SCHOOL_YEAR');
    expect(trend).toEqual({
      betweennessCentralizationSlope: 0,
      peerTieShareSlope: 0,
      verdict: 'NO_CLEAR_CHANGE',
      summary:
        'Only one window (2019-Q1): betweenness centralization 0.40 and 25% of ties not involving a foundation; a trend needs at least two windows.',
    });
  });
});
