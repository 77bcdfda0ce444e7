import { compareIds } from '../../projection/compare-ids';
import type { Rating } from '../../domain/survey';
import type { LoggedTie } from './tie-confirmation';

export interface FormPartnerRow {
  readonly partnerId: string;
  /** Interactions that tied the respondent and the partner in the survey's window (0 when untied). */
  readonly interactions: number;
  /** The respondent's stored answer about this partner, if any. */
  readonly rating: Rating | null;
}

/**
 * The partners a respondent's form lists: every roster actor it had a logged tie with in the
 * window (`ties` are the window's ties among the roster), plus any roster actor it already rated;
 * most interactions first, then by id.
 */
export function formPartners(
  respondentId: string,
  rosterIds: readonly string[],
  ties: readonly LoggedTie[],
  ownRatings: readonly Rating[],
): FormPartnerRow[] {
  const roster = new Set(rosterIds);
  const interactions = new Map<string, number>();
  for (const tie of ties) {
    if (tie.a === respondentId) interactions.set(tie.b, tie.interactions);
    else if (tie.b === respondentId) interactions.set(tie.a, tie.interactions);
  }
  const rated = new Map(ownRatings.map((rating) => [rating.partnerId, rating]));
  const ids = new Set([...interactions.keys(), ...rated.keys()]);
  return [...ids]
    .filter((id) => id !== respondentId && roster.has(id))
    .map((partnerId) => ({ partnerId, interactions: interactions.get(partnerId) ?? 0, rating: rated.get(partnerId) ?? null }))
    .sort((x, y) => y.interactions - x.interactions || compareIds(x.partnerId, y.partnerId));
}
