/**
 * The default largest group whose participants are tied to each other: a small virtual
 * session or a peer exchange of up to 8 organisations is peer learning; a 200-organisation
 * convening is not 19,900 peer ties.
 */
export const DEFAULT_CO_PARTICIPATION_LIMIT = 8;

/**
 * Tie rule 2, co-participation ties: the participants of one interaction are tied to each
 * other, pairwise, when the interaction lists at most `limit` participants (the initiator
 * not counted; counted before the scope drops anyone, since the size of the gathering is
 * what decides whether it is peer learning). `limit` 0 disables the rule. Endpoints
 * outside the scope (`inScope` false) are skipped. Actors are ids, or numbers into an actor table.
 */
export function forEachCoParticipationTie<T>(
  participants: ArrayLike<T>,
  limit: number,
  inScope: (actor: T) => boolean,
  tie: (a: T, b: T) => void,
): void {
  if (participants.length < 2 || participants.length > limit) return;
  const kept: T[] = [];
  for (let i = 0; i < participants.length; i++) if (inScope(participants[i]!)) kept.push(participants[i]!);
  for (let i = 0; i < kept.length; i++) {
    for (let j = i + 1; j < kept.length; j++) tie(kept[i]!, kept[j]!);
  }
}
