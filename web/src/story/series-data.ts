/**
 * Series → chart data: one row per window (the table view) and one point per window and
 * measure (the chart), plus the words for the trend's verdict. Pure, so Vitest checks it.
 */
import type { SeriesQuery, TrendVerdict } from '../generated/graphql';

export type Snapshot = SeriesQuery['networkMetricSeries']['snapshots'][number];

/** A measure shown over the series: which field, its name in words, how to print it. */
export interface SeriesMeasure {
  readonly key: MeasureKey;
  readonly label: string;
  readonly kind: 'share' | 'count';
  /** One line saying what a rising value means. */
  readonly reading: string;
}

export type MeasureKey = 'betweennessCentralization' | 'peerTieShare' | 'hubTieShare' | 'density' | 'degreeCentralization' | 'actorCount' | 'tieCount' | 'interactionCount';

export const SHARE_MEASURES: readonly SeriesMeasure[] = [
  { key: 'betweennessCentralization', label: 'Betweenness centralization', kind: 'share', reading: 'falls as the network stops routing through one hub' },
  { key: 'peerTieShare', label: 'Share of ties without the foundation', kind: 'share', reading: 'rises as members connect with each other' },
  { key: 'hubTieShare', label: "Hub's share of ties", kind: 'share', reading: 'falls as ties spread beyond the hub' },
  { key: 'density', label: 'Density', kind: 'share', reading: 'share of possible ties present' },
];

export const COUNT_MEASURES: readonly SeriesMeasure[] = [
  { key: 'actorCount', label: 'Actors', kind: 'count', reading: 'actors with at least one tie' },
  { key: 'tieCount', label: 'Ties', kind: 'count', reading: 'distinct tied pairs' },
  { key: 'interactionCount', label: 'Interactions', kind: 'count', reading: 'interactions that made a tie' },
];

export const VERDICT_WORDS: Readonly<Record<TrendVerdict, string>> = {
  MORE_PEER_CONNECTED: 'Becoming more peer-connected',
  MORE_HUB_CENTERED: 'Becoming more hub-centred',
  NO_CLEAR_CHANGE: 'No clear change',
};

/** A window's name: the series' label, else its dates. */
export function windowName(window: { from: string; to: string; label?: string | null }): string {
  if (window.label) return window.label;
  return `${window.from.slice(0, 10)} – ${window.to.slice(0, 10)}`;
}

export interface ChartPoint {
  /** Position of the window in the series, from 0. */
  readonly index: number;
  readonly window: string;
  readonly measure: string;
  readonly value: number;
}

/** One point per window for each measure, in series order (the long format charts take). */
export function chartPoints(snapshots: readonly Snapshot[], measures: readonly SeriesMeasure[]): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const measure of measures) {
    snapshots.forEach((snapshot, index) => {
      points.push({ index, window: windowName(snapshot.window), measure: measure.label, value: snapshot[measure.key] });
    });
  }
  return points;
}

export interface TableView {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function formatValue(value: number, kind: 'share' | 'count'): string {
  return kind === 'count' ? String(value) : value.toFixed(3);
}

/** The table beside a chart: a row per window, a column per measure, as the chart shows them. */
export function tableView(snapshots: readonly Snapshot[], measures: readonly SeriesMeasure[]): TableView {
  return {
    columns: ['Window', ...measures.map((measure) => measure.label)],
    rows: snapshots.map((snapshot) => [windowName(snapshot.window), ...measures.map((m) => formatValue(snapshot[m.key], m.kind))]),
  };
}

/** The window of a series whose start is `from` (YYYY-MM-DD), else the last one; -1 for none. */
export function chosenWindowIndex(snapshots: readonly { window: { from: string } }[], from: string | null): number {
  if (snapshots.length === 0) return -1;
  if (from !== null) {
    const index = snapshots.findIndex((snapshot) => snapshot.window.from.slice(0, 10) === from);
    if (index >= 0) return index;
  }
  return snapshots.length - 1;
}
