/**
 * What the export writers take, and the one canonical order they all write it in:
 * actors sorted by id, ties sorted by (source, target) with source < target and ids
 * `e0`, `e1`, … in that order. The same snapshot therefore always exports to the same
 * document, whatever order the projection inserted nodes and edges in.
 */
import type { ActorKind } from '../domain/actor';
import { tieClassOf, type TieClass } from '../domain/tie-class';
import { InvalidInputError } from '../domain/errors';
import type { TimeWindow } from '../domain/time-window';
import type { ActorMetricValues, NetworkFigures } from '../metrics/snapshot';
import type { TieNetwork } from '../projection/tie-network';

/** One window's tie network and per-actor metrics (a NetworkSnapshot plus its network fits). */
export interface NetworkExport {
  readonly window: TimeWindow;
  readonly network: TieNetwork;
  /** Exactly one entry per node of `network`, in any order. */
  readonly actors: readonly ActorMetricValues[];
}

/** One row of the metric series: a window and its network figures (a NetworkSnapshot fits). */
export type SeriesFiguresRow = NetworkFigures & {
  readonly window: TimeWindow;
  /** e.g. `2019–20`; written when given. */
  readonly label?: string | null;
};

export interface ExportActor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly region: string | null;
  /** The actor's network (src/domain/actor-network.ts); null for none. */
  readonly networkId: string | null;
  readonly metrics: ActorMetricValues;
}

export interface ExportTie {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly interactions: number;
  readonly weight: number;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly tieClass: TieClass;
}

/** A NetworkExport checked and put in canonical order. */
export interface PreparedNetwork {
  readonly window: TimeWindow;
  readonly actors: readonly ExportActor[];
  readonly ties: readonly ExportTie[];
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Joins nodes with their metrics and orders everything. Throws when the metrics do not
 * describe exactly the network's nodes (a snapshot and a network from different windows).
 */
export function prepareNetwork(data: NetworkExport, field = 'data'): PreparedNetwork {
  const metricsById = new Map<string, ActorMetricValues>();
  data.actors.forEach((metrics, i) => {
    if (metricsById.has(metrics.actorId)) {
      throw new InvalidInputError(`${field}.actors[${i}].actorId`, metrics.actorId, 'appears more than once');
    }
    if (!data.network.hasNode(metrics.actorId)) {
      throw new InvalidInputError(`${field}.actors[${i}].actorId`, metrics.actorId, 'is not a node of the network');
    }
    metricsById.set(metrics.actorId, metrics);
  });
  const actors = data.network
    .nodes()
    .sort(compareIds)
    .map((id): ExportActor => {
      const metrics = metricsById.get(id);
      if (metrics === undefined) throw new InvalidInputError(`${field}.actors`, id, 'is a node of the network without metrics');
      const { name, kind, region, networkId } = data.network.getNodeAttributes(id);
      return { id, name, kind, region, networkId: networkId ?? null, metrics };
    });
  const unordered: Omit<ExportTie, 'id'>[] = data.network.mapEdges((_key, attributes, a, b) => {
    const [source, target] = compareIds(a, b) <= 0 ? [a, b] : [b, a];
    const tieClass = tieClassOf(endOf(data.network.getNodeAttributes(a)), endOf(data.network.getNodeAttributes(b)));
    return { source, target, ...pickTie(attributes), tieClass };
  });
  unordered.sort((x, y) => compareIds(x.source, y.source) || compareIds(x.target, y.target));
  const ties = unordered.map((tie, i): ExportTie => ({ id: `e${i}`, ...tie }));
  return { window: data.window, actors, ties };
}

function endOf(node: { kind: ActorKind; networkId?: string | null }) {
  return { kind: node.kind, networkId: node.networkId ?? null };
}

function pickTie(attributes: { interactions: number; weight: number; firstAt: number; lastAt: number }) {
  const { interactions, weight, firstAt, lastAt } = attributes;
  return { interactions, weight, firstAt, lastAt };
}
