/**
 * A window's network as copnet's JSON export gives it (graphology's serialization), fetched
 * once per export URL. The map and the actor page both read it; no graph library needed here.
 */
import { fetchExport } from '../api/client';
import { cached } from '../api/use-query';

export interface NetworkNode {
  readonly key: string;
  readonly attributes: {
    readonly name: string;
    readonly kind: string;
    readonly region: string | null;
    readonly degree: number;
    readonly betweenness: number;
    readonly closeness: number;
    readonly eigenvector: number;
    readonly pagerank: number;
    readonly clustering: number;
    readonly community: number;
    readonly [key: string]: unknown;
  };
}

export interface NetworkEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: {
    readonly interactions: number;
    readonly weight: number;
    readonly firstAt: string;
    readonly lastAt: string;
    readonly [key: string]: unknown;
  };
}

export interface WindowNetwork {
  readonly attributes: { readonly windowFrom: string; readonly windowTo: string };
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

/** A window's network as its JSON export, cached with the API's answers (cleared by invalidateQueries). */
export function loadWindowNetwork(jsonExportUrl: string): Promise<WindowNetwork> {
  return cached(`export ${jsonExportUrl}`, () => fetchExport(jsonExportUrl).then((response) => response.json() as Promise<WindowNetwork>));
}

/** An actor's ties in a window: the other actor, the interactions and weight, strongest first. */
export function tiesOf(
  network: WindowNetwork,
  actorId: string,
): { id: string; name: string; kind: string; interactions: number; weight: number; tieClass: string | null }[] {
  const names = new Map(network.nodes.map((node) => [node.key, node.attributes]));
  return network.edges
    .filter((edge) => edge.source === actorId || edge.target === actorId)
    .map((edge) => {
      const other = edge.source === actorId ? edge.target : edge.source;
      const attributes = names.get(other);
      const tieClass = typeof edge.attributes.tieClass === 'string' ? edge.attributes.tieClass : null;
      return {
        id: other,
        name: attributes?.name ?? other,
        kind: attributes?.kind ?? '',
        interactions: edge.attributes.interactions,
        weight: edge.attributes.weight,
        tieClass,
      };
    })
    .sort((a, b) => b.weight - a.weight || b.interactions - a.interactions || a.name.localeCompare(b.name));
}
