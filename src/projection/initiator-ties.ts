/**
 * Tie rule 1, initiator ties: an interaction ties its initiator to each of its
 * participants (the convener to each attendee, the visitor to the visited, the grantor to
 * the grantee). Endpoints outside the scope (`inScope` false) are skipped. Actors are ids,
 * or numbers into an actor table (InteractionColumns).
 */
export function forEachInitiatorTie<T>(
  initiator: T,
  participants: ArrayLike<T>,
  inScope: (actor: T) => boolean,
  tie: (a: T, b: T) => void,
): void {
  if (!inScope(initiator)) return;
  for (let i = 0; i < participants.length; i++) {
    const participant = participants[i]!;
    if (inScope(participant)) tie(initiator, participant);
  }
}
