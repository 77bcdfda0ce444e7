/**
 * A hand-built five-actor tie network with names that need escaping in XML and quoting in
 * CSV, inserted in an order different from the canonical one, plus per-actor metrics whose
 * values include whole numbers in double columns and doubles that must round-trip exactly.
 */
import type { ActorKind } from '../../src/domain/actor';
import type { TimeWindow } from '../../src/domain/time-window';
import type { NetworkExport } from '../../src/export/export-data';
import type { ActorMetricValues, NetworkFigures } from '../../src/metrics/snapshot';
import { createTieNetwork, type TieAttributes, type TieNetwork } from '../../src/projection/tie-network';
import { initiativeByKind } from '../metrics/initiative-by-kind';

export interface FixtureActor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly region: string | null;
  /** The actor's network: sch-1 belongs to int-1's, sch-2 is unaffiliated; absent means none. */
  readonly networkId?: string | null;
}

export const ACTORS: readonly FixtureActor[] = [
  { id: 'sch-1', name: 'A & B <Schools>', kind: 'SCHOOL', region: null, networkId: 'int-1' },
  { id: 'fnd', name: 'Foundation "Alpha" & Co.', kind: 'FOUNDATION', region: 'MD', networkId: null },
  { id: 'sch-2', name: "École Saint-Jérôme — 学校 'Ω' 😀", kind: 'SCHOOL', region: 'QC', networkId: null },
  { id: 'int-1', name: `O'Brien's "Hub" </graphml>`, kind: 'INTERMEDIARY', region: 'CA', networkId: 'int-1' },
  { id: 'sp', name: 'Support, Partner; Ltd.', kind: 'SUPPORT_PARTNER', region: 'NY', networkId: null },
];

const at = (iso: string) => Date.parse(iso);

/** Ties as inserted (source/target not in canonical order on purpose). */
export const TIES: readonly (readonly [string, string, TieAttributes])[] = [
  ['sch-1', 'fnd', { interactions: 3, weight: 4.5, firstAt: at('2019-09-03T09:00:00Z'), lastAt: at('2020-03-15T14:30:00Z') }],
  ['sp', 'int-1', { interactions: 1, weight: 0.5, firstAt: at('2020-01-10T00:00:00Z'), lastAt: at('2020-01-10T00:00:00Z') }],
  ['fnd', 'sch-2', { interactions: 1, weight: 1, firstAt: at('2019-10-01T12:00:00Z'), lastAt: at('2019-10-01T12:00:00Z') }],
  ['sch-2', 'int-1', { interactions: 2, weight: 2.25, firstAt: at('2019-11-05T08:15:30.250Z'), lastAt: at('2020-06-30T23:59:59.999Z') }],
  ['int-1', 'sch-1', { interactions: 5, weight: 7.75, firstAt: at('2019-08-01T00:00:00Z'), lastAt: at('2020-07-31T16:00:00Z') }],
];

/** Canonical order: (source, target) with source < target; ids e0… in this order. */
export const CANONICAL_TIES: readonly (readonly [string, string, TieAttributes])[] = [
  ['fnd', 'sch-1', TIES[0]![2]],
  ['fnd', 'sch-2', TIES[2]![2]],
  ['int-1', 'sch-1', TIES[4]![2]],
  ['int-1', 'sch-2', TIES[3]![2]],
  ['int-1', 'sp', TIES[1]![2]],
];

/** The tie class of each canonical tie (sch-1 is in int-1's network, sch-2 in none). */
export const CANONICAL_TIE_CLASSES = ['FOUNDATION', 'FOUNDATION', 'WITHIN_NETWORK', 'OTHER', 'OTHER'] as const;

export const METRICS: readonly ActorMetricValues[] = [
  {
    actorId: 'fnd',
    degree: 2,
    degreeCentrality: 0.5,
    betweenness: 0.16666666666666666,
    closeness: 0.5714285714285714,
    eigenvector: 0.30000000000000004,
    pagerank: 0.1891232123456789,
    clustering: 0,
    community: 0,
    constraint: 0.5,
    effectiveSize: 2,
    coreNumber: 1,
  },
  {
    actorId: 'int-1',
    degree: 3,
    degreeCentrality: 0.75,
    betweenness: 0.5833333333333334,
    closeness: 0.8,
    eigenvector: 0.6,
    pagerank: 0.3123,
    clustering: 0,
    community: 1,
    constraint: 0.3333333333333333,
    effectiveSize: 3,
    coreNumber: 1,
  },
  {
    actorId: 'sch-1',
    degree: 2,
    degreeCentrality: 0.5,
    betweenness: 0.08333333333333333,
    closeness: 0.6666666666666666,
    eigenvector: 0.5,
    pagerank: 0.2,
    clustering: 1,
    community: 0,
    constraint: 0.5,
    effectiveSize: 2,
    coreNumber: 1,
  },
  {
    actorId: 'sch-2',
    degree: 2,
    degreeCentrality: 0.5,
    betweenness: 0.08333333333333333,
    closeness: 0.6666666666666666,
    eigenvector: 0.5,
    pagerank: 0.2,
    clustering: 0,
    community: 1,
    constraint: 0.5,
    effectiveSize: 2,
    coreNumber: 1,
  },
  {
    actorId: 'sp',
    degree: 1,
    degreeCentrality: 0.25,
    betweenness: 0,
    closeness: 0.5,
    eigenvector: 1e-7,
    pagerank: 0.0985767876543211,
    clustering: 0,
    community: 1,
    constraint: 1,
    effectiveSize: 1,
    coreNumber: 1,
  },
];

export const SCHOOL_YEAR: TimeWindow = { from: new Date('2019-08-01T00:00:00Z'), to: new Date('2020-08-01T00:00:00Z') };

export function buildNetwork(
  actors: readonly FixtureActor[] = ACTORS,
  ties: readonly (readonly [string, string, TieAttributes])[] = TIES,
): TieNetwork {
  const network = createTieNetwork();
  for (const { id, name, kind, region, networkId } of actors) network.addNode(id, { name, kind, region, networkId: networkId ?? null });
  for (const [a, b, attributes] of ties) network.addEdge(a, b, { ...attributes });
  return network;
}

export function fixtureExport(): NetworkExport {
  // Metrics deliberately given in an order other than the nodes'.
  return { window: SCHOOL_YEAR, network: buildNetwork(), actors: [...METRICS].reverse() };
}

export function actorById(id: string): FixtureActor {
  const actor = ACTORS.find((a) => a.id === id);
  if (!actor) throw new Error(`no fixture actor ${id}`);
  return actor;
}

export function metricsOf(id: string): ActorMetricValues {
  const metrics = METRICS.find((m) => m.actorId === id);
  if (!metrics) throw new Error(`no fixture metrics ${id}`);
  return metrics;
}

/** The metrics of an actor under the file formats' snake_case names. */
export function snakeMetrics(id: string): Record<string, number> {
  const m = metricsOf(id);
  return {
    degree: m.degree,
    degree_centrality: m.degreeCentrality,
    betweenness: m.betweenness,
    closeness: m.closeness,
    eigenvector: m.eigenvector,
    pagerank: m.pagerank,
    clustering: m.clustering,
    community: m.community,
    constraint: m.constraint,
    effective_size: m.effectiveSize,
    core_number: m.coreNumber,
  };
}

export const FIGURES: NetworkFigures = {
  actorCount: 5,
  tieCount: 5,
  interactionCount: 12,
  density: 0.5,
  degreeCentralization: 0.16666666666666666,
  betweennessCentralization: 0.6041666666666666,
  averageClustering: 0.2,
  transitivity: 0,
  componentCount: 1,
  largestComponentFraction: 1,
  hubId: 'int-1',
  hubTieShare: 0.6,
  peerTieShare: 0.6,
  largestComponentWithoutHubFraction: 0.75,
  modularity: 0.07999999999999996,
  communityCount: 2,
  tieMix: { foundation: 0.4, withinNetwork: 0.2, crossNetwork: 0, other: 0.4 },
  crossNetworkTieShare: 0,
  eiIndex: -1,
  initiatedBy: initiativeByKind({
    FOUNDATION: [3, 0.25],
    INTERMEDIARY: [6, 0.5],
    SCHOOL: [2, 0.16666666666666666],
    SUPPORT_PARTNER: [1, 0.08333333333333333],
  }),
  foundationInitiatedShare: 0.25,
  stage: 'HUB_AND_SPOKE',
  mainCore: { k: 1, size: 5, density: 0.5 },
};

export const ISO = (ms: number) => new Date(ms).toISOString();
