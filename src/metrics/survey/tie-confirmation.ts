import { compareIds } from '../../projection/compare-ids';
import type { TieNetwork } from '../../projection/tie-network';
import type { StoredRating } from '../../domain/survey';

/** A tie of the window's network, a < b by id, with how many interactions made it. */
export interface LoggedTie {
  readonly a: string;
  readonly b: string;
  readonly interactions: number;
}

/** An unordered pair of actors, a < b by id. */
export interface ActorPair {
  readonly a: string;
  readonly b: string;
}

export interface TieConfirmation {
  /** Ties of the window's network (default projection) with both ends on the roster. */
  readonly loggedTies: number;
  /**
   * Of the logged ties with at least one responding end, the share that at least one
   * responding end marked `workedTogether`; null when there are none.
   */
  readonly confirmedShare: number | null;
  /** Of the logged ties with both ends responding, the share both ends marked; null when there are none. */
  readonly mutuallyConfirmedShare: number | null;
  /**
   * Unordered pairs a respondent marked `workedTogether` with no logged tie between them (the
   * interactions the log is missing), sorted by a then b.
   */
  readonly unloggedTies: readonly ActorPair[];
}

/** The window network's ties with both ends on the roster, sorted by (a, b). */
export function loggedTiesOf(network: TieNetwork, roster: ReadonlySet<string>): LoggedTie[] {
  const ties: LoggedTie[] = [];
  network.forEachEdge((_edge, attributes, source, target) => {
    if (!roster.has(source) || !roster.has(target)) return;
    const [a, b] = compareIds(source, target) < 0 ? [source, target] : [target, source];
    ties.push({ a, b, interactions: attributes.interactions });
  });
  return ties.sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b));
}

/**
 * The join of the answers with the log (README, "Surveys": ties confirmed). `respondents` are
 * the roster actors that answered; `ratings` are the survey's answers (only those with
 * `workedTogether` count as marking a tie).
 */
export function confirmTies(
  ties: readonly LoggedTie[],
  respondents: ReadonlySet<string>,
  ratings: readonly StoredRating[],
): TieConfirmation {
  const marked = new Set<string>(); // "A\0B": A marked workedTogether for B
  for (const rating of ratings) if (rating.workedTogether) marked.add(directedKey(rating.respondentId, rating.partnerId));

  const logged = new Set<string>();
  let oneEndResponding = 0;
  let confirmed = 0;
  let bothResponding = 0;
  let mutual = 0;
  for (const { a, b } of ties) {
    logged.add(directedKey(a, b));
    const aResponds = respondents.has(a);
    const bResponds = respondents.has(b);
    const aMarks = aResponds && marked.has(directedKey(a, b));
    const bMarks = bResponds && marked.has(directedKey(b, a));
    if (aResponds || bResponds) {
      oneEndResponding += 1;
      if (aMarks || bMarks) confirmed += 1;
    }
    if (aResponds && bResponds) {
      bothResponding += 1;
      if (aMarks && bMarks) mutual += 1;
    }
  }

  const unlogged = new Map<string, ActorPair>();
  for (const rating of ratings) {
    if (!rating.workedTogether || rating.respondentId === rating.partnerId) continue;
    const [a, b] =
      compareIds(rating.respondentId, rating.partnerId) < 0
        ? [rating.respondentId, rating.partnerId]
        : [rating.partnerId, rating.respondentId];
    const key = directedKey(a, b);
    if (!logged.has(key)) unlogged.set(key, { a, b });
  }

  return {
    loggedTies: ties.length,
    confirmedShare: oneEndResponding === 0 ? null : confirmed / oneEndResponding,
    mutuallyConfirmedShare: bothResponding === 0 ? null : mutual / bothResponding,
    unloggedTies: [...unlogged.values()].sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b)),
  };
}

/** Ids may hold any printable character but NUL (the text rules refuse control characters). */
function directedKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
