import { describe, expect, it } from 'vitest';
import { chartPoints, chosenWindowIndex, COUNT_MEASURES, SHARE_MEASURES, tableView, windowName, type Snapshot } from './series-data';

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
  };
}

const series = [snapshot('2018–19', '2018-08-01', 0.9, 0.1, 10), snapshot('2019–20', '2019-08-01', 0.6, 0.35, 12), snapshot('2020–21', '2020-08-01', 0.3, 0.5, 15)];

describe('series → chart data', () => {
  it('gives one point per window for each measure, in series order', () => {
    const points = chartPoints(series, SHARE_MEASURES.slice(0, 2));
    expect(points).toHaveLength(6);
    expect(points.slice(0, 3)).toEqual([
      { index: 0, window: '2018–19', measure: 'Betweenness centralization', value: 0.9 },
      { index: 1, window: '2019–20', measure: 'Betweenness centralization', value: 0.6 },
      { index: 2, window: '2020–21', measure: 'Betweenness centralization', value: 0.3 },
    ]);
    expect(points[3]).toEqual({ index: 0, window: '2018–19', measure: 'Share of ties without the foundation', value: 0.1 });
  });

  it('gives a table with a row per window and the values as the chart shows them', () => {
    const table = tableView(series, [SHARE_MEASURES[0]!, COUNT_MEASURES[0]!]);
    expect(table.columns).toEqual(['Window', 'Betweenness centralization', 'Actors']);
    expect(table.rows).toEqual([
      ['2018–19', '0.900', '10'],
      ['2019–20', '0.600', '12'],
      ['2020–21', '0.300', '15'],
    ]);
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
