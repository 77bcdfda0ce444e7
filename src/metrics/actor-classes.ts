import { ACTOR_KINDS, type ActorKind } from '../domain/actor';
import type { TieTable } from '../projection/project-network';
import type { TieNetwork } from '../projection/tie-network';
import type { GraphIndex } from './graph-index';

/** Index of FOUNDATION in ACTOR_KINDS, as stored in ActorClasses.kinds. */
export const FOUNDATION_KIND = ACTOR_KINDS.indexOf('FOUNDATION');

/**
 * What the tie classes and the introductions read of each actor, as typed arrays lined up
 * with the index: `kinds[i]` is node i's kind (index into ACTOR_KINDS) and `networks[i]`
 * its network as a number (−1 for none; equal numbers, equal networks, within one window).
 */
export interface ActorClasses {
  readonly kinds: Uint8Array;
  readonly networks: Int32Array;
}

export function actorClasses(network: TieNetwork, index: GraphIndex): ActorClasses {
  return classesOf(index.ids.length, (i) => network.getNodeAttributes(index.ids[i]!));
}

/** actorClasses of a projection's TieTable (its actors are in index order). */
export function tieTableClasses(table: TieTable): ActorClasses {
  return classesOf(table.actors.length, (i) => ({ kind: table.actors[i]!.kind, networkId: table.networkIds[i]! }));
}

/** Numbers networks by first appearance in index order. */
function classesOf(n: number, actorAt: (i: number) => { kind: ActorKind; networkId: string | null }): ActorClasses {
  const kinds = new Uint8Array(n);
  const networks = new Int32Array(n);
  const numbers = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const { kind, networkId } = actorAt(i);
    kinds[i] = ACTOR_KINDS.indexOf(kind);
    if (networkId === null || networkId === undefined) {
      networks[i] = -1;
    } else {
      let number = numbers.get(networkId);
      if (number === undefined) numbers.set(networkId, (number = numbers.size));
      networks[i] = number;
    }
  }
  return { kinds, networks };
}
