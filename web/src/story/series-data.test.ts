import { describe, expect, it } from 'vitest';
import {
  chartPoints,
  chosenWindowIndex,
  COUNT_MEASURES,
  SIGNAL_MEASURES,
  TIE_MIX_MEASURES,
  tableView,
  tieChangeTable,
  windowName,
  type Snapshot,
} from './series-data';

function snapshot(label: string, from: string, betweennessCentralization: number, peerTieShare: number, actorCount: number): Snapshot {
  return {
    window: { from: `${from}T00:00:00.000Z`, to: '2030-01-01T00:00:00.000Z', label },
    actorCount,
    tieCount: actorCount * 2,
    interactionCount: actorCount * 3,
    density: 0.25,
    betweennessCentralization,
    degreeCentralization: 0.5,
    peerTieShare,
    hubTieShare: 0.4,
    hub: null,
    tieMix: { foundation: 1 - peerTieShare, withinNetwork: peerTieShare / 2, crossNetwork: peerTieShare / 4, other: peerTieShare / 4 },
    crossNetworkTieShare: peerTieShare / 4,
    eiIndex: -1 / 3,
    foundationInitiatedShare: 0.8,
    stage: 'HUB_AND_SPOKE',
    mainCore: { k: 2, size: 5, density: 0.6 },
  };
}

const series = [
  snapshot('2018–19', '2018-08-01', 0.9, 0.1, 10),
  snapshot('2019–20', '2019-08-01', 0.6, 0.35, 12),
  snapshot('2020–21', '2020-08-01', 0.3, 0.5, 15),
];

describe('series → chart data', () => {
  it('gives one point per window for each measure, in series order', () => {
    const points = chartPoints(series, SIGNAL_MEASURES.slice(0, 2));
    expect(points).toHaveLength(6);
    expect(points.slice(0, 3)).toEqual([
      { index: 0, window: '2018–19', measure: 'Betweenness centralization', value: 0.9 },
      { index: 1, window: '2019–20', measure: 'Betweenness centralization', value: 0.6 },
      { index: 2, window: '2020–21', measure: 'Betweenness centralization', value: 0.3 },
    ]);
    expect(points[3]).toEqual({ index: 0, window: '2018–19', measure: "Foundation's share of ties", value: 0.9 });
  });

  it('stacks the tie mix: its four shares per window sum to 1', () => {
    const points = chartPoints(series, TIE_MIX_MEASURES);
    expect(points).toHaveLength(12);
    for (let index = 0; index < 3; index += 1) {
      expect(points.filter((p) => p.index === index).reduce((sum, p) => sum + p.value, 0)).toBeCloseTo(1, 12);
    }
  });

  it('gives a table with a row per window and the values as the chart shows them', () => {
    const table = tableView(series, [SIGNAL_MEASURES[0]!, COUNT_MEASURES[0]!]);
    expect(table.columns).toEqual(['Window', 'Betweenness centralization', 'Actors']);
    expect(table.rows).toEqual([
      ['2018–19', '0.900', '10'],
      ['2019–20', '0.600', '12'],
      ['2020–21', '0.300', '15'],
    ]);
  });

  it('tabulates the tie changes', () => {
    expect(
      tieChangeTable([
        {
          window: { from: 'a', to: 'b', label: '2019–20' },
          tiesGained: 12,
          tiesLost: 3,
          crossNetworkTiesGained: 4,
          persistentTieShare: 0.4567,
        },
      ]),
    ).toEqual({
      columns: ['Window', 'Ties gained', 'Ties lost', 'Cross-network ties gained', 'Share of ties already there the window before'],
      rows: [['2019–20', '12', '3', '4', '45.7%']],
    });
  });

  it('names a window by its label, else by its dates', () => {
    expect(windowName({ from: '2019-08-01T00:00:00.000Z', to: '2020-08-01T00:00:00.000Z', label: null })).toBe('2019-08-01 – 2020-08-01');
    expect(windowName({ from: 'x', to: 'y', label: '2019-Q3' })).toBe('2019-Q3');
  });

  it('picks the window starting on the chosen day, else the last one', () => {
    expect(chosenWindowIndex(series, '2019-08-01')).toBe(1);
    expect(chosenWindowIndex(series, '2019-08-02')).toBe(2);
    expect(chosenWindowIndex(series, null)).toBe(2);
    expect(chosenWindowIndex([], null)).toBe(-1);
  });
});
