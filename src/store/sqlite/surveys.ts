import type Database from 'better-sqlite3';
import type { Author } from '../../domain/access';
import type { Rating, StoredRating, Survey } from '../../domain/survey';
import type { SurveyStore } from '../survey-store';

/** The surveys part of the SQLite store (issue 23). */
export class SqliteSurveyStore implements SurveyStore {
  constructor(private readonly db: Database.Database) {}

  async createSurvey(_survey: Survey, _author: Author): Promise<Survey> {
    throw new Error(`surveys are not implemented yet (${this.db.name})`);
  }
  async closeSurvey(_id: string, _at: Date, _author: Author): Promise<Survey> {
    throw new Error('surveys are not implemented yet');
  }
  async getSurvey(_id: string): Promise<Survey | null> {
    throw new Error('surveys are not implemented yet');
  }
  async listSurveys(): Promise<Survey[]> {
    throw new Error('surveys are not implemented yet');
  }
  async replaceRatings(_surveyId: string, _respondentId: string, _ratings: readonly Rating[], _at: Date, _author: Author): Promise<void> {
    throw new Error('surveys are not implemented yet');
  }
  async listRatings(_surveyId: string): Promise<StoredRating[]> {
    throw new Error('surveys are not implemented yet');
  }
}
