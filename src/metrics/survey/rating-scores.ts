import { TRUST_ITEMS, VALUE_ITEMS, type Rating, type RatingItem } from '../../domain/survey';

/**
 * PARTNER CPRM's two scores of one rating A→B (README, "Surveys (trust and value)"):
 * - trust(A→B) = mean of A's answered trust items for B (reliability, openness, sharedMission);
 * - value(A→B) = mean of A's answered value items for B (influence, resources, involvement);
 * null when A did not work with B (`workedTogether` false) or answered none of them.
 * Items are 1–4; an unanswered item (null) is left out of the mean, not counted as 0.
 */
export function trustOf(rating: Rating): number | null {
  return meanOfItems(rating, TRUST_ITEMS);
}

/** See trustOf. */
export function valueOf(rating: Rating): number | null {
  return meanOfItems(rating, VALUE_ITEMS);
}

function meanOfItems(rating: Rating, items: readonly RatingItem[]): number | null {
  if (!rating.workedTogether) return null;
  let sum = 0;
  let count = 0;
  for (const item of items) {
    const answer = rating[item];
    if (answer === null) continue;
    sum += answer;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/** The mean of the values, null for none. */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
