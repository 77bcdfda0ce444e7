import { UndirectedGraph } from 'graphology';
import type { ActorKind } from '../domain/actor';

/** What a node of the tie network knows about its actor. Node keys are actor ids. */
export interface ActorNodeAttributes {
  name: string;
  kind: ActorKind;
  region: string | null;
  /** The actor's network (src/domain/actor-network.ts): an intermediary's id, or null for none. */
  networkId: string | null;
}

/**
 * What a tie carries: all interactions between the pair inside the window, counted once
 * per interaction. Times are epoch milliseconds (UTC).
 */
export interface TieAttributes {
  /** Number of interactions that tied the pair. */
  interactions: number;
  /** Sum of those interactions' weights. */
  weight: number;
  firstAt: number;
  lastAt: number;
}

/**
 * The undirected simple graph of ties in one window: repeated interactions between the
 * same pair are one edge; nodes are the actors with at least one tie.
 */
export type TieNetwork = UndirectedGraph<ActorNodeAttributes, TieAttributes>;

export function createTieNetwork(): TieNetwork {
  return new UndirectedGraph<ActorNodeAttributes, TieAttributes>({ allowSelfLoops: false, multi: false });
}
