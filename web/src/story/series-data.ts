/**
 * Series → chart data: one row per window (the table view) and one point per window and
 * measure (the chart), plus the words for the trend's verdict and the stages. Pure, so
 * Vitest checks it.
 */
import type { NetworkStage, SeriesQuery, TrendVerdict } from '../generated/graphql';

export type Snapshot = SeriesQuery['networkMetricSeries']['snapshots'][number];
export type TieChange = SeriesQuery['networkMetricSeries']['tieChanges'][number];

/** A measure shown over the series: how to read it off a window, its name, how to print it. */
export interface SeriesMeasure {
  readonly label: string;
  readonly kind: 'share' | 'count';
  /** One line saying what the measure shows. */
  readonly reading: string;
  readonly value: (snapshot: Snapshot) => number;
}

/** The four signals the trend's verdict counts (see TrendVerdict in the schema). */
export const SIGNAL_MEASURES: readonly SeriesMeasure[] = [
  {
    label: 'Betweenness centralization',
    kind: 'share',
    reading: 'falls as the network stops routing through one hub',
    value: (s) => s.betweennessCentralization,
  },
  {
    label: "Foundation's share of ties",
    kind: 'share',
    reading: 'falls as members tie with each other',
    value: (s) => s.tieMix.foundation,
  },
  {
    label: 'Cross-network share of ties',
    kind: 'share',
    reading: 'rises as networks connect with each other',
    value: (s) => s.crossNetworkTieShare,
  },
  {
    label: 'Foundation-initiated share',
    kind: 'share',
    reading: 'falls as members take the initiative',
    value: (s) => s.foundationInitiatedShare,
  },
];

/** The tie mix, stacked: its four shares sum to 1 in a window with ties. */
export const TIE_MIX_MEASURES: readonly SeriesMeasure[] = [
  { label: 'With the foundation', kind: 'share', reading: '', value: (s) => s.tieMix.foundation },
  { label: 'Within a network', kind: 'share', reading: '', value: (s) => s.tieMix.withinNetwork },
  { label: 'Across networks', kind: 'share', reading: '', value: (s) => s.tieMix.crossNetwork },
  { label: 'Other', kind: 'share', reading: '', value: (s) => s.tieMix.other },
];

export const COUNT_MEASURES: readonly SeriesMeasure[] = [
  { label: 'Actors', kind: 'count', reading: 'actors with at least one tie', value: (s) => s.actorCount },
  { label: 'Ties', kind: 'count', reading: 'distinct tied pairs', value: (s) => s.tieCount },
  { label: 'Interactions', kind: 'count', reading: 'interactions that made a tie', value: (s) => s.interactionCount },
];

export const VERDICT_WORDS: Readonly<Record<TrendVerdict, string>> = {
  MORE_PEER_CONNECTED: 'Becoming more peer-connected',
  MORE_HUB_CENTERED: 'Becoming more hub-centred',
  NO_CLEAR_CHANGE: 'No clear change',
};

export const STAGE_WORDS: Readonly<Record<NetworkStage, string>> = {
  SCATTERED_FRAGMENTS: 'Scattered fragments',
  HUB_AND_SPOKE: 'Hub and spoke',
  MULTI_HUB: 'Multi-hub',
  CORE_PERIPHERY: 'Core and periphery',
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
      points.push({ index, window: windowName(snapshot.window), measure: measure.label, value: measure.value(snapshot) });
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
    rows: snapshots.map((snapshot) => [windowName(snapshot.window), ...measures.map((m) => formatValue(m.value(snapshot), m.kind))]),
  };
}

/** How the ties changed from one window to the next, as a table. */
export function tieChangeTable(changes: readonly TieChange[]): TableView {
  return {
    columns: ['Window', 'Ties gained', 'Ties lost', 'Cross-network ties gained', 'Share of ties already there the window before'],
    rows: changes.map((c) => [
      windowName(c.window),
      String(c.tiesGained),
      String(c.tiesLost),
      String(c.crossNetworkTiesGained),
      `${(c.persistentTieShare * 100).toFixed(1)}%`,
    ]),
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
