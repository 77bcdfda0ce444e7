import { ACTOR_KINDS } from '../domain/actor';
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
  const n = index.ids.length;
  const kinds = new Uint8Array(n);
  const networks = new Int32Array(n);
  const numbers = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const { kind, networkId } = network.getNodeAttributes(index.ids[i]!);
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
