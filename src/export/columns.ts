/**
 * The attributes every file export writes, with their names and types, in one place so
 * GEXF, GraphML and CSV agree. Names are snake_case (what NetworkX, igraph and R users
 * expect); the JSON export keeps copnet's own camelCase names instead.
 *
 * Actors: id, name, kind, region, network (the actor's network id, empty for none), then
 * every per-actor metric of the window.
 * Ties: interactions, weight (summed interaction weights), first_at and last_at (ISO 8601
 * UTC), tie_class (FOUNDATION, WITHIN_NETWORK, CROSS_NETWORK or OTHER).
 * Series rows: window_from, window_to, label, then every network figure of the window;
 * figures with parts are spread over several columns (tie_mix_foundation, …,
 * initiated_by_foundation, initiated_by_foundation_share, …, main_core_k, …).
 * The `satisfies` clauses make a new metric field a compile error here until it is exported.
 */
import { ACTOR_KINDS } from '../domain/actor';
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
  constraint: 'double',
  effectiveSize: 'double',
  coreNumber: 'int',
} as const satisfies Record<ActorMetricKey, ColumnType>;

/** The network figures that fit one cell; the others (tieMix, initiatedBy, mainCore) have parts. */
type ScalarFigureKey = { [K in keyof NetworkFigures]: NetworkFigures[K] extends CellValue ? K : never }[keyof NetworkFigures];
type CompositeFigureKey = Exclude<keyof NetworkFigures, ScalarFigureKey>;

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
  crossNetworkTieShare: 'double',
  eiIndex: 'double',
  foundationInitiatedShare: 'double',
  stage: 'string',
} as const satisfies Record<ScalarFigureKey, ColumnType>;

/** The columns of each figure with parts, one per part. */
const COMPOSITE_FIGURE_COLUMNS: Record<CompositeFigureKey, readonly Column<NetworkFigures>[]> = {
  tieMix: (['foundation', 'withinNetwork', 'crossNetwork', 'other'] as const).map((part) => ({
    name: `tie_mix_${snakeCase(part)}`,
    type: 'double' as const,
    value: (row: NetworkFigures) => row.tieMix[part],
  })),
  initiatedBy: ACTOR_KINDS.flatMap((kind, i) => [
    {
      name: `initiated_by_${kind.toLowerCase()}`,
      type: 'int' as const,
      value: (row: NetworkFigures) => row.initiatedBy[i]?.interactions ?? 0,
    },
    {
      name: `initiated_by_${kind.toLowerCase()}_share`,
      type: 'double' as const,
      value: (row: NetworkFigures) => row.initiatedBy[i]?.share ?? 0,
    },
  ]),
  mainCore: [
    { name: 'main_core_k', type: 'int', value: (row) => row.mainCore.k },
    { name: 'main_core_size', type: 'int', value: (row) => row.mainCore.size },
    { name: 'main_core_density', type: 'double', value: (row) => row.mainCore.density },
  ],
};

/** `degreeCentrality` → `degree_centrality`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function isoOf(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export const ACTOR_METRIC_KEYS = Object.keys(ACTOR_METRIC_TYPES) as ActorMetricKey[];

/** Per-actor metric columns, in the order of ActorMetricValues. */
export const ACTOR_METRIC_COLUMNS: readonly (Column<ActorMetricValues> & { readonly key: ActorMetricKey })[] = ACTOR_METRIC_KEYS.map(
  (key) => ({
    key,
    name: snakeCase(key),
    type: ACTOR_METRIC_TYPES[key],
    value: (metrics: ActorMetricValues) => metrics[key],
  }),
);

/** Actor attributes besides the id (which is the node id in GEXF and GraphML). */
export const ACTOR_ATTRIBUTE_COLUMNS: readonly Column<ExportActor>[] = [
  { name: 'name', type: 'string', value: (actor) => actor.name },
  { name: 'kind', type: 'string', value: (actor) => actor.kind },
  { name: 'region', type: 'string', value: (actor) => actor.region },
  { name: 'network', type: 'string', value: (actor) => actor.networkId },
  ...ACTOR_METRIC_COLUMNS.map((column) => ({ ...column, value: (actor: ExportActor) => column.value(actor.metrics) })),
];

/** Tie attributes besides source and target. */
export const TIE_ATTRIBUTE_COLUMNS: readonly Column<ExportTie>[] = [
  { name: 'interactions', type: 'int', value: (tie) => tie.interactions },
  { name: 'weight', type: 'double', value: (tie) => tie.weight },
  { name: 'first_at', type: 'string', value: (tie) => isoOf(tie.firstAt) },
  { name: 'last_at', type: 'string', value: (tie) => isoOf(tie.lastAt) },
  { name: 'tie_class', type: 'string', value: (tie) => tie.tieClass },
];

export const NETWORK_FIGURE_KEYS = Object.keys(NETWORK_FIGURE_TYPES) as ScalarFigureKey[];

export const SERIES_COLUMNS: readonly Column<SeriesFiguresRow>[] = [
  { name: 'window_from', type: 'string', value: (row) => row.window.from.toISOString() },
  { name: 'window_to', type: 'string', value: (row) => row.window.to.toISOString() },
  { name: 'label', type: 'string', value: (row) => row.label ?? null },
  ...NETWORK_FIGURE_KEYS.map((key) => ({
    name: snakeCase(key),
    type: NETWORK_FIGURE_TYPES[key],
    value: (row: SeriesFiguresRow) => row[key],
  })),
  ...(Object.keys(COMPOSITE_FIGURE_COLUMNS) as CompositeFigureKey[]).flatMap((key) => COMPOSITE_FIGURE_COLUMNS[key]),
];
