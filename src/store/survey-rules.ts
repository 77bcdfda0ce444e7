import { InvalidInputError } from '../domain/errors';
import { isSurveyOpen, type StoredRating, type Survey } from '../domain/survey';

/**
 * The checks and merge rules both survey adapters share, with the same messages: each adapter
 * reads what they need inside its write transaction and throws what these throw.
 */

export function requireNewSurvey(id: string, taken: boolean): void {
  if (taken) throw new InvalidInputError('id', id, 'is already the id of a survey');
}

/** The survey found for `id`, or InvalidInputError naming `field`. */
export function requireSurvey(found: Survey | null | undefined, id: string, field: string): Survey {
  if (!found) throw new InvalidInputError(field, id, 'is not a known survey');
  return found;
}

/** closeSurvey refuses a survey closed before: by hand (closedAt), or by itself (its closesAt has passed). */
export function requireNotClosed(survey: Survey, at: Date): void {
  if (survey.closedAt !== null) throw new InvalidInputError('id', survey.id, 'is already closed');
  // Closed by its own closesAt: a closedAt written after it would say it took answers until then.
  if (survey.closesAt !== null && survey.closesAt.getTime() <= at.getTime()) {
    throw new InvalidInputError(
      'id',
      survey.id,
      `is already closed: it closed by itself at its closesAt, ${survey.closesAt.toISOString()}`,
    );
  }
}

/** Ratings are taken only while the survey is open at `at`. */
export function requireOpenAt(survey: Survey, at: Date): void {
  if (!isSurveyOpen(survey, at)) throw new InvalidInputError('surveyId', survey.id, 'is closed');
}

/** An actor on a survey's roster is not deleted (its answers and scores would lose their actor): it is merged. */
export function requireOffRosters(id: string, surveys: number): void {
  if (surveys > 0) {
    throw new InvalidInputError(
      'id',
      id,
      `is on the roster of ${surveys} survey(s); merge it into the actor it duplicates instead (mergeActors)`,
    );
  }
}

/** Ordered as listRatings returns them: by respondentId, then partnerId (code-unit order, as both databases compare strings). */
export function compareRatings(a: StoredRating, b: StoredRating): number {
  return compareIds(a.respondentId, b.respondentId) || compareIds(a.partnerId, b.partnerId);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
