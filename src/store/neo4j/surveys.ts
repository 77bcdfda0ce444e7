import type { Driver } from 'neo4j-driver';
import type { Author } from '../../domain/access';
import type { Rating, StoredRating, Survey } from '../../domain/survey';
import type { SurveyStore } from '../survey-store';

/** The surveys part of the Neo4j store (issue 23). */
export class Neo4jSurveyStore implements SurveyStore {
  constructor(private readonly driver: Driver) {}

  async createSurvey(_survey: Survey, _author: Author): Promise<Survey> {
    throw new Error(`surveys are not implemented yet (${this.driver.constructor.name})`);
  }
  async closeSurvey(_id: string, _at: Date, _author: Author): Promise<Survey> {
    throw new Error(`surveys are not implemented yet (${this.driver.constructor.name})`);
  }
  async getSurvey(_id: string): Promise<Survey | null> {
    throw new Error(`surveys are not implemented yet (${this.driver.constructor.name})`);
  }
  async listSurveys(): Promise<Survey[]> {
    throw new Error(`surveys are not implemented yet (${this.driver.constructor.name})`);
  }
  async replaceRatings(_surveyId: string, _respondentId: string, _ratings: readonly Rating[], _at: Date, _author: Author): Promise<void> {
    throw new Error(`surveys are not implemented yet (${this.driver.constructor.name})`);
  }
  async listRatings(_surveyId: string): Promise<StoredRating[]> {
    throw new Error(`surveys are not implemented yet (${this.driver.constructor.name})`);
  }
}
