import type { Author } from '../domain/access';
import type { Rating, StoredRating, Survey } from '../domain/survey';

/**
 * The surveys part of the store port (issue 23): surveys and their ratings. Each adapter
 * implements it in its own module (store/sqlite/surveys.ts, store/neo4j/surveys.ts); both pass
 * test/store/survey-store-contract.ts. Ratings are validated by the service (domain), not here.
 */
export interface SurveyStore {
  /** Stores a new survey (roster already resolved by the service). Audit-logged; bumps the revision. */
  createSurvey(survey: Survey, author: Author): Promise<Survey>;
  /** Sets closedAt (idempotent refusal: InvalidInputError('id', id, 'is already closed')). Unknown id: InvalidInputError('id', ...). */
  closeSurvey(id: string, at: Date, author: Author): Promise<Survey>;
  getSurvey(id: string): Promise<Survey | null>;
  /** Every survey ordered by window.from, then id. */
  listSurveys(): Promise<Survey[]>;
  /**
   * Replaces ALL of this respondent's ratings in the survey atomically (a re-submission replaces the
   * earlier one). Refuses (InvalidInputError('surveyId', id, 'is closed')) when the survey is closed at `at`,
   * checked inside the write transaction. Audit-logged; bumps the revision.
   */
  replaceRatings(surveyId: string, respondentId: string, ratings: readonly Rating[], at: Date, author: Author): Promise<void>;
  /** All ratings of the survey, ordered by respondentId then partnerId. */
  listRatings(surveyId: string): Promise<StoredRating[]>;
}
