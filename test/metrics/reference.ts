import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorKind } from '../../src/domain/actor';
import type { ActorMetricValues, NetworkFigures } from '../../src/metrics/snapshot';
import { createTieNetwork, type TieNetwork } from '../../src/projection/tie-network';

/** One graph measured by networkx (scripts/reference-fixtures.py). */
export interface ReferenceFixture {
  readonly name: string;
  readonly description: string;
  readonly nodes: readonly string[];
  readonly edges: readonly (readonly [string, string])[];
  readonly eigenvectorMaxIter: number;
  readonly partition: readonly (readonly string[])[];
  readonly components: readonly (readonly string[])[];
  readonly actors: readonly ReferenceActor[];
  readonly network: ReferenceNetwork;
  /** networkx k_core(G): its k, size and density. */
  readonly mainCore: { readonly k: number; readonly size: number; readonly density: number };
  /** networkx adamic_adar_index of every untied pair with a common neighbour: [u, v, score], u < v. */
  readonly adamicAdar: readonly (readonly [string, string, number])[];
}

/** networkx's figures for one actor: copnet's names; null where networkx gives NaN (an actor without ties). */
export interface ReferenceActor extends Pick<
  ActorMetricValues,
  'degree' | 'degreeCentrality' | 'betweenness' | 'closeness' | 'eigenvector' | 'pagerank' | 'clustering' | 'coreNumber'
> {
  readonly id: string;
  readonly kind: ActorKind;
  readonly constraint: number | null;
  readonly effectiveSize: number | null;
}

/** networkx's network-level figures, the subset of copnet's NetworkFigures it computes. */
export type ReferenceNetwork = Pick<
  NetworkFigures,
  | 'actorCount'
  | 'tieCount'
  | 'density'
  | 'degreeCentralization'
  | 'betweennessCentralization'
  | 'averageClustering'
  | 'transitivity'
  | 'componentCount'
  | 'largestComponentFraction'
  | 'hubId'
  | 'hubTieShare'
  | 'peerTieShare'
  | 'largestComponentWithoutHubFraction'
  | 'modularity'
>;

const DIR = join(__dirname, '..', 'fixtures', 'reference');

export function loadFixture(name: string): ReferenceFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as ReferenceFixture;
}

export function allFixtures(): ReferenceFixture[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => loadFixture(file.replace(/\.json$/, '')));
}

/** The fixture as a TieNetwork, nodes and edges in the fixture's (networkx's) order. */
export function fixtureNetwork(fixture: ReferenceFixture): TieNetwork {
  const network = createTieNetwork();
  for (const actor of fixture.actors) {
    network.addNode(actor.id, {
      name: actor.id,
      kind: actor.kind,
      region: null,
      networkId: actor.kind === 'INTERMEDIARY' ? actor.id : null,
    });
  }
  for (const [a, b] of fixture.edges) network.addEdge(a, b, { interactions: 1, weight: 1, firstAt: 0, lastAt: 0 });
  return network;
}

/** Reference values of one per-actor metric, keyed by id. */
export function expectedById(fixture: ReferenceFixture, metric: keyof Omit<ReferenceActor, 'id' | 'kind'>): Record<string, number> {
  return Object.fromEntries(fixture.actors.map((actor) => [actor.id, actor[metric] ?? 0]));
}

/** Asserts two id → number maps have the same keys and values within 1e-6. */
export function expectCloseById(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) {
    const got = actual[id]!;
    if (Math.abs(got - value) > 1e-6) {
      throw new Error(`${id}: expected ${value}, got ${got} (difference ${Math.abs(got - value)})`);
    }
  }
}

/** The network figures that are fractions, compared with networkx to 1e-6. */
export const REFERENCE_FRACTION_FIGURES = [
  'density',
  'degreeCentralization',
  'betweennessCentralization',
  'averageClustering',
  'transitivity',
  'largestComponentFraction',
  'hubTieShare',
  'peerTieShare',
  'largestComponentWithoutHubFraction',
] as const;
