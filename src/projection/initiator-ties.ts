import type { Interaction } from '../domain/interaction';

/**
 * Tie rule 1, initiator ties: an interaction ties its initiator to each of its
 * participants (the convener to each attendee, the visitor to the visited, the grantor to
 * the grantee). Endpoints outside the scope (`inScope` false) are skipped.
 */
export function forEachInitiatorTie(
  interaction: Pick<Interaction, 'initiatorId' | 'participantIds'>,
  inScope: (actorId: string) => boolean,
  tie: (a: string, b: string) => void,
): void {
  if (!inScope(interaction.initiatorId)) return;
  for (const participant of interaction.participantIds) {
    if (inScope(participant)) tie(interaction.initiatorId, participant);
  }
}
