import type { ActorKind } from './actor';
import type { TimeWindow } from './time-window';

/** The six PARTNER items each respondent answers about each partner, 1–4 or null (not answered). */
export const RATING_ITEMS = ['reliability', 'openness', 'sharedMission', 'influence', 'resources', 'involvement'] as const;
export type RatingItem = (typeof RATING_ITEMS)[number];
/** The trust items: trust(A→B) is the mean of A's answered ones for B. */
export const TRUST_ITEMS = ['reliability', 'openness', 'sharedMission'] as const;
/** The value items: value(A→B) is the mean of A's answered ones for B. */
export const VALUE_ITEMS = ['influence', 'resources', 'involvement'] as const;

/** A relationship survey, as stored. */
export interface Survey {
  /** Generated (uuid) by the service. */
  readonly id: string;
  readonly name: string;
  /** The interactions the survey is about. */
  readonly window: TimeWindow;
  readonly rosterKinds: readonly ActorKind[];
  /** The WHOLE roster, resolved and frozen at opening, sorted by id. */
  readonly rosterIds: readonly string[];
  readonly openedAt: Date;
  readonly openedBy: string;
  /** After this instant the survey counts as closed. */
  readonly closesAt: Date | null;
  /** Set by closeSurvey. */
  readonly closedAt: Date | null;
}

/** One answer of a respondent about one partner. */
export interface Rating {
  readonly partnerId: string;
  readonly workedTogether: boolean;
  readonly reliability: number | null;
  readonly openness: number | null;
  readonly sharedMission: number | null;
  readonly influence: number | null;
  readonly resources: number | null;
  readonly involvement: number | null;
}

export interface StoredRating extends Rating {
  readonly respondentId: string;
  readonly submittedAt: Date;
}

/** Open while not closed by hand and, when it has a closing time, before it. */
export function isSurveyOpen(s: Survey, now: Date): boolean {
  return s.closedAt === null && (s.closesAt === null || now.getTime() < s.closesAt.getTime());
}

/** A survey as the audit log keeps it (JSON-ready). */
export function surveyRecord(survey: Survey): Record<string, unknown> {
  return {
    id: survey.id,
    name: survey.name,
    window: { from: survey.window.from.toISOString(), to: survey.window.to.toISOString() },
    rosterKinds: [...survey.rosterKinds],
    rosterIds: [...survey.rosterIds],
    openedAt: survey.openedAt.toISOString(),
    openedBy: survey.openedBy,
    closesAt: survey.closesAt?.toISOString() ?? null,
    closedAt: survey.closedAt?.toISOString() ?? null,
  };
}

/** One rating's answers, without who gave it and when (JSON-ready, for the audit log). */
export function ratingRecord(rating: Rating): Record<string, unknown> {
  return { ...ratingAnswers(rating) };
}

/** A rating's answers alone (a StoredRating without respondentId and submittedAt), in a fixed key order. */
export function ratingAnswers(rating: Rating): Rating {
  return {
    partnerId: rating.partnerId,
    workedTogether: rating.workedTogether,
    reliability: rating.reliability,
    openness: rating.openness,
    sharedMission: rating.sharedMission,
    influence: rating.influence,
    resources: rating.resources,
    involvement: rating.involvement,
  };
}
