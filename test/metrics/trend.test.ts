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
    expect(trend.foundationTieShareSlope).toBeCloseTo(-0.2, 12);
    expect(trend.summary).toBe(
      'Across 4 windows (2019-Q1 to 2019-Q4), betweenness centralization fell from 0.90 to 0.30 (−0.20 per quarter) ' +
        "and the foundation's share of ties fell from 90% to 30% (−20 points per quarter); the cross-network share of ties (0% to 0%) " +
        "and the foundation's share of initiated interactions (0% to 0%) did not clearly change: the network became more peer-connected.",
    );
  });

  it('rising centralization: more hub-centered', () => {
    const trend = computeTrend(points([0.2, 0.25, 0.3], [0.5, 0.5, 0.5]), 'YEAR');
    expect(trend.verdict).toBe('MORE_HUB_CENTERED');
    expect(trend.summary).toBe(
      'Across 3 windows (2019-Q1 to 2019-Q3), betweenness centralization rose from 0.20 to 0.30 (+0.050 per year); ' +
        "the foundation's share of ties (50% to 50%), the cross-network share of ties (0% to 0%) and the foundation's share of initiated " +
        'interactions (0% to 0%) did not clearly change: the network became more centered on its hub.',
    );
  });

  it('changes under 0.05 over the series, or contradicting each other, are no clear change', () => {
    expect(computeTrend(points([0.5, 0.49, 0.48], [0.3, 0.31, 0.32]), 'MONTH').verdict).toBe('NO_CLEAR_CHANGE');
    expect(computeTrend(points([0.5, 0.6, 0.7], [0.3, 0.4, 0.5]), 'MONTH').verdict).toBe('NO_CLEAR_CHANGE');
  });

  it('names the first and last window when labels are ranges, and lists signals that did not move with their figures', () => {
    const trend = computeTrend(
      [
        {
          label: '2018-10 to 2018-12',
          betweennessCentralization: 0.72,
          peerTieShare: 0.95,
          foundationTieShare: 0.05,
          crossNetworkTieShare: 0.1,
          foundationInitiatedShare: 0.2,
        },
        {
          label: '2018-11 to 2019-01',
          betweennessCentralization: 0.7,
          peerTieShare: 0.9502,
          foundationTieShare: 0.0498,
          crossNetworkTieShare: 0.12,
          foundationInitiatedShare: 0.19,
        },
      ],
      'MONTH',
    );
    expect(trend.summary).toBe(
      'Across 2 windows (first window 2018-10 to 2018-12, last 2018-11 to 2019-01), none of the four signals clearly changed: ' +
        "betweenness centralization (0.72 to 0.70), the foundation's share of ties (5% to 5%), the cross-network share of ties (10% to 12%) " +
        "and the foundation's share of initiated interactions (20% to 19%): there is no clear change in how hub-centered the network is.",
    );
  });

  it('one window has no trend', () => {
    const trend = computeTrend(points([0.4], [0.25]), 'SCHOOL_YEAR');
    expect(trend).toEqual({
      betweennessCentralizationSlope: 0,
      peerTieShareSlope: 0,
      crossNetworkTieShareSlope: 0,
      foundationTieShareSlope: 0,
      foundationInitiatedShareSlope: 0,
      verdict: 'NO_CLEAR_CHANGE',
      summary:
        "Only one window (2019-Q1): betweenness centralization 0.40, the foundation's share of ties 75%, the cross-network share of ties 0% " +
        "and the foundation's share of initiated interactions 0%; a trend needs at least two windows.",
    });
  });
});

describe('trend: the four signals vote', () => {
  /** School years 2018–19 …, every signal given. */
  const years = (bc: number[], foundation: number[], cross: number[], initiated: number[]): TrendPoint[] =>
    bc.map((b, i) => ({
      label: `${2018 + i}–${String(19 + i)}`,
      betweennessCentralization: b,
      peerTieShare: 1 - foundation[i]!,
      foundationTieShare: foundation[i]!,
      crossNetworkTieShare: cross[i]!,
      foundationInitiatedShare: initiated[i]!,
    }));

  it('only cross-network ties and initiative moving, hub figures flat: more peer-connected, and the slopes of each signal', () => {
    const trend = computeTrend(years([0.5, 0.5, 0.5], [0.04, 0.04, 0.04], [0.02, 0.06, 0.1], [0.12, 0.08, 0.04]), 'SCHOOL_YEAR');
    expect(trend.crossNetworkTieShareSlope).toBeCloseTo(0.04, 12);
    expect(trend.foundationInitiatedShareSlope).toBeCloseTo(-0.04, 12);
    expect(trend.foundationTieShareSlope).toBeCloseTo(0, 12);
    expect(trend.verdict).toBe('MORE_PEER_CONNECTED');
    expect(trend.summary).toBe(
      'Across 3 windows (2018–19 to 2020–21), the cross-network share of ties rose from 2% to 10% (+4.0 points per school year) ' +
        "and the foundation's share of initiated interactions fell from 12% to 4% (−4.0 points per school year); betweenness centralization " +
        "(0.50 to 0.50) and the foundation's share of ties (4% to 4%) did not clearly change: the network became more peer-connected.",
    );
  });

  it('the same windows in reverse order: more hub-centered', () => {
    const forward = years([0.6, 0.3, 0.1], [0.04, 0.03, 0.02], [0.01, 0.08, 0.16], [0.12, 0.05, 0.02]);
    expect(computeTrend(forward, 'SCHOOL_YEAR').verdict).toBe('MORE_PEER_CONNECTED');
    const backward = computeTrend([...forward].reverse(), 'SCHOOL_YEAR');
    expect(backward.verdict).toBe('MORE_HUB_CENTERED');
    expect(backward.summary).toMatch(
      /^Across 3 windows \(2020–21 to 2018–19\), betweenness centralization rose from 0\.10 to 0\.60 .*: the network became more centered on its hub\.$/,
    );
  });

  it('a flat series is no clear change', () => {
    const flat = computeTrend(years([0.3, 0.3, 0.3, 0.3], [0.1, 0.1, 0.1, 0.1], [0.2, 0.2, 0.2, 0.2], [0.3, 0.3, 0.3, 0.3]), 'YEAR');
    expect(flat.verdict).toBe('NO_CLEAR_CHANGE');
    expect(flat.summary).toMatch(/none of the four signals clearly changed/);
  });

  it('two signals each way is a tie: no clear change; three against one wins', () => {
    expect(computeTrend(years([0.6, 0.3], [0.1, 0.2], [0.1, 0.2], [0.1, 0.2]), 'YEAR').verdict).toBe('NO_CLEAR_CHANGE');
    expect(computeTrend(years([0.6, 0.3], [0.1, 0.2], [0.1, 0.2], [0.2, 0.1]), 'YEAR').verdict).toBe('MORE_PEER_CONNECTED');
    expect(computeTrend(years([0.3, 0.6], [0.1, 0.2], [0.2, 0.1], [0.1, 0.2]), 'YEAR').verdict).toBe('MORE_HUB_CENTERED');
  });

  it('a change just under 0.05 over the series does not vote, one over it does', () => {
    expect(computeTrend(years([0.5, 0.451], [0.1, 0.1], [0.1, 0.1], [0.1, 0.1]), 'YEAR').verdict).toBe('NO_CLEAR_CHANGE');
    expect(computeTrend(years([0.5, 0.44], [0.1, 0.1], [0.1, 0.1], [0.1, 0.1]), 'YEAR').verdict).toBe('MORE_PEER_CONNECTED');
  });
});
