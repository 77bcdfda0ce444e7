/**
 * A relationship survey's results, after PARTNER CPRM (Varda et al., "PARTNER: Program to Analyze,
 * Record, and Track Networks to Enhance Relationships"), joined to the interaction log. Pure:
 * the roster, the answers and the window's logged ties in, the figures out. Every definition is
 * also in the README ("Surveys (trust and value)"):
 *
 * - rosterSize = actors on the roster; respondentCount = roster actors with at least one stored
 *   answer (a `workedTogether: false` row counts; an empty submission withdraws them);
 *   responseRate = respondentCount / rosterSize; coverage from it (coverage.ts).
 * - trust(A→B), value(A→B): rating-scores.ts. ratingCount = answers with `workedTogether`.
 * - networkTrust (networkValue) = mean of every non-null trust(A→B) (value(A→B)); null when none.
 * - per roster actor B: responded; raters = distinct respondents A ≠ B whose trust(A→B) or
 *   value(A→B) is non-null; trustReceived (valueReceived) = mean of the non-null trust(A→B)
 *   (value(A→B)) over its raters; itemMeans.<item> = mean of that item over the answered
 *   ratings B received (with `workedTogether`); null when none.
 * - ties confirmed: tie-confirmation.ts.
 * - privacy (withPrivacy): for callers below admin an actor's trustReceived, valueReceived and
 *   itemMeans are null unless raters ≥ PRIVACY_MIN_RATERS (3).
 *
 * Answers whose respondent or partner is not on the roster, or about the respondent itself, are
 * left out (the service never stores them).
 */
import { RATING_ITEMS, type RatingItem, type StoredRating } from '../../domain/survey';
import { coverageOf, responseRateOf, type Coverage } from './coverage';
import { meanOf, trustOf, valueOf } from './rating-scores';
import { confirmTies, type ActorPair, type LoggedTie } from './tie-confirmation';

/** An actor's received scores are shown below admin only when this many respondents rated it. */
export const PRIVACY_MIN_RATERS = 3;

export type ItemMeans = Readonly<Record<RatingItem, number | null>>;

export interface ActorScores {
  readonly actorId: string;
  readonly responded: boolean;
  readonly raters: number;
  readonly trustReceived: number | null;
  readonly valueReceived: number | null;
  readonly itemMeans: ItemMeans;
}

export interface SurveyScores {
  readonly rosterSize: number;
  readonly respondentCount: number;
  readonly responseRate: number;
  readonly coverage: Coverage;
  readonly ratingCount: number;
  readonly networkTrust: number | null;
  readonly networkValue: number | null;
  /** One per roster actor, in roster order. */
  readonly actors: readonly ActorScores[];
  readonly loggedTies: number;
  readonly confirmedShare: number | null;
  readonly mutuallyConfirmedShare: number | null;
  readonly unloggedTies: readonly ActorPair[];
}

export interface SurveyScoreInput {
  /** The frozen roster. */
  readonly rosterIds: readonly string[];
  readonly ratings: readonly StoredRating[];
  /** The window's ties with both ends on the roster (loggedTiesOf). */
  readonly ties: readonly LoggedTie[];
}

export function scoreSurvey({ rosterIds, ratings, ties }: SurveyScoreInput): SurveyScores {
  const roster = new Set(rosterIds);
  const kept = ratings.filter((r) => roster.has(r.respondentId) && roster.has(r.partnerId) && r.respondentId !== r.partnerId);
  const respondents = new Set(kept.map((r) => r.respondentId));

  const trusts: number[] = [];
  const values: number[] = [];
  const received = new Map<string, StoredRating[]>();
  let ratingCount = 0;
  for (const rating of kept) {
    if (!rating.workedTogether) continue;
    ratingCount += 1;
    const trust = trustOf(rating);
    const value = valueOf(rating);
    if (trust !== null) trusts.push(trust);
    if (value !== null) values.push(value);
    let list = received.get(rating.partnerId);
    if (!list) received.set(rating.partnerId, (list = []));
    list.push(rating);
  }

  const actors = rosterIds.map((actorId) => actorScores(actorId, respondents.has(actorId), received.get(actorId) ?? []));
  const responseRate = responseRateOf(respondents.size, roster.size);
  return {
    rosterSize: roster.size,
    respondentCount: respondents.size,
    responseRate,
    coverage: coverageOf(responseRate),
    ratingCount,
    networkTrust: meanOf(trusts),
    networkValue: meanOf(values),
    actors,
    ...confirmTies(
      ties.filter((tie) => roster.has(tie.a) && roster.has(tie.b)),
      respondents,
      kept,
    ),
  };
}

/** B's scores from the `workedTogether` ratings it received (one per respondent: the store keeps one per pair). */
function actorScores(actorId: string, responded: boolean, received: readonly StoredRating[]): ActorScores {
  const raters = new Set<string>();
  const trusts: number[] = [];
  const values: number[] = [];
  for (const rating of received) {
    const trust = trustOf(rating);
    const value = valueOf(rating);
    if (trust !== null) trusts.push(trust);
    if (value !== null) values.push(value);
    if (trust !== null || value !== null) raters.add(rating.respondentId);
  }
  const itemMeans = Object.fromEntries(
    RATING_ITEMS.map((item) => [item, meanOf(received.map((r) => r[item]).filter((answer): answer is number => answer !== null))]),
  ) as Record<RatingItem, number | null>;
  return { actorId, responded, raters: raters.size, trustReceived: meanOf(trusts), valueReceived: meanOf(values), itemMeans };
}

const HIDDEN_ITEMS: ItemMeans = Object.freeze(Object.fromEntries(RATING_ITEMS.map((item) => [item, null])) as Record<RatingItem, null>);

/** The scores a caller below admin sees: an actor's received scores and item means only when raters ≥ 3. */
export function withPrivacy(scores: SurveyScores): SurveyScores {
  return {
    ...scores,
    actors: scores.actors.map((actor) =>
      actor.raters >= PRIVACY_MIN_RATERS ? actor : { ...actor, trustReceived: null, valueReceived: null, itemMeans: HIDDEN_ITEMS },
    ),
  };
}
