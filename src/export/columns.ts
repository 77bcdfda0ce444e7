/**
 * The attributes every file export writes, with their names and types, in one place so
 * GEXF, GraphML and CSV agree. Names are snake_case (what NetworkX, igraph and R users
 * expect); the JSON export keeps copnet's own camelCase names instead.
 *
 * Actors: id, name, kind, region, then every per-actor metric of the window.
 * Ties: interactions, weight (summed interaction weights), first_at and last_at (ISO 8601 UTC).
 * Series rows: window_from, window_to, label, then every network figure of the window.
 * The `satisfies` clauses make a new metric field a compile error here until it is exported.
 */
import type { ActorMetricValues, NetworkFigures } from '../metrics/snapshot';
import type { ExportActor, ExportTie, SeriesFiguresRow } from './export-data';

/** Value types, named as GraphML's `attr.type`; GEXF spells `int` as `integer`. */
export type ColumnType = 'string' | 'int' | 'double';
export type CellValue = string | number | null;

export interface Column<Row> {
  readonly name: string;
  readonly type: ColumnType;
  /** null means "no value" (an empty CSV cell, no attvalue / data element). */
  readonly value: (row: Row) => CellValue;
}

export type ActorMetricKey = Exclude<keyof ActorMetricValues, 'actorId'>;

const ACTOR_METRIC_TYPES = {
  degree: 'int',
  degreeCentrality: 'double',
  betweenness: 'double',
  closeness: 'double',
  eigenvector: 'double',
  pagerank: 'double',
  clustering: 'double',
  community: 'int',
} as const satisfies Record<ActorMetricKey, ColumnType>;

const NETWORK_FIGURE_TYPES = {
  actorCount: 'int',
  tieCount: 'int',
  interactionCount: 'int',
  density: 'double',
  degreeCentralization: 'double',
  betweennessCentralization: 'double',
  averageClustering: 'double',
  transitivity: 'double',
  componentCount: 'int',
  largestComponentFraction: 'double',
  hubId: 'string',
  hubTieShare: 'double',
  peerTieShare: 'double',
  largestComponentWithoutHubFraction: 'double',
  modularity: 'double',
  communityCount: 'int',
} as const satisfies Record<keyof NetworkFigures, ColumnType>;

/** `degreeCentrality` → `degree_centrality`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function isoOf(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export const ACTOR_METRIC_KEYS = Object.keys(ACTOR_METRIC_TYPES) as ActorMetricKey[];

/** Per-actor metric columns, in the order of ActorMetricValues. */
export const ACTOR_METRIC_COLUMNS: readonly (Column<ActorMetricValues> & { readonly key: ActorMetricKey })[] =
  ACTOR_METRIC_KEYS.map((key) => ({
    key,
    name: snakeCase(key),
    type: ACTOR_METRIC_TYPES[key],
    value: (metrics: ActorMetricValues) => metrics[key],
  }));

/** Actor attributes besides the id (which is the node id in GEXF and GraphML). */
export const ACTOR_ATTRIBUTE_COLUMNS: readonly Column<ExportActor>[] = [
  { name: 'name', type: 'string', value: (actor) => actor.name },
  { name: 'kind', type: 'string', value: (actor) => actor.kind },
  { name: 'region', type: 'string', value: (actor) => actor.region },
  ...ACTOR_METRIC_COLUMNS.map((column) => ({ ...column, value: (actor: ExportActor) => column.value(actor.metrics) })),
];

/** Tie attributes besides source and target. */
export const TIE_ATTRIBUTE_COLUMNS: readonly Column<ExportTie>[] = [
  { name: 'interactions', type: 'int', value: (tie) => tie.interactions },
  { name: 'weight', type: 'double', value: (tie) => tie.weight },
  { name: 'first_at', type: 'string', value: (tie) => isoOf(tie.firstAt) },
  { name: 'last_at', type: 'string', value: (tie) => isoOf(tie.lastAt) },
];

export const NETWORK_FIGURE_KEYS = Object.keys(NETWORK_FIGURE_TYPES) as (keyof NetworkFigures)[];

export const SERIES_COLUMNS: readonly Column<SeriesFiguresRow>[] = [
  { name: 'window_from', type: 'string', value: (row) => row.window.from.toISOString() },
  { name: 'window_to', type: 'string', value: (row) => row.window.to.toISOString() },
  { name: 'label', type: 'string', value: (row) => row.label ?? null },
  ...NETWORK_FIGURE_KEYS.map((key) => ({
    name: snakeCase(key),
    type: NETWORK_FIGURE_TYPES[key],
    value: (row: SeriesFiguresRow) => row[key],
  })),
];
