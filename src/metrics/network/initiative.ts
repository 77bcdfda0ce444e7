import { ACTOR_KINDS, type ActorKind } from '../../domain/actor';

/** One actor kind's part of a window's initiative. */
export interface KindInitiative {
  readonly kind: ActorKind;
  /** Counted interactions (those that produced at least one tie) initiated by an actor of this kind. */
  readonly interactions: number;
  /** interactions / the window's counted interactions; 0 when there are none. */
  readonly share: number;
}

/**
 * initiatedBy: for each of the four actor kinds (ACTOR_KINDS order), how many of the
 * window's counted interactions an actor of that kind initiated (by its recorded
 * initiator, whether or not the scope keeps the initiator as a node), and that count's
 * share of the counted interactions. `counts` come from the projection, in ACTOR_KINDS order.
 */
export function initiatedBy(counts: readonly number[]): KindInitiative[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return ACTOR_KINDS.map((kind, i) => {
    const interactions = counts[i] ?? 0;
    return { kind, interactions, share: total === 0 ? 0 : interactions / total };
  });
}

/** foundationInitiatedShare: the FOUNDATION entry's share of initiatedBy. */
export function foundationInitiatedShare(initiative: readonly KindInitiative[]): number {
  return initiative.find((entry) => entry.kind === 'FOUNDATION')?.share ?? 0;
}
