import type Database from 'better-sqlite3';
import type { Author } from '../../domain/access';
import type { ActorKind } from '../../domain/actor';
import type { AuditRecord } from '../../domain/audit';
import { ratingAnswers, type Rating, type StoredRating, type Survey } from '../../domain/survey';
import * as audit from '../audit-entries';
import type { SurveyStore } from '../survey-store';
import * as rules from '../survey-rules';
import { auditParams } from './rows';
import { STATEMENTS } from './statements';

/** What the surveys module borrows from SqliteStore: its busy-waiting write and its error translation. */
export interface SqliteAccess {
  /** Runs a write transaction begun IMMEDIATE, waiting for another writer without blocking the thread. */
  write<T>(work: () => T): Promise<T>;
  /** Runs a read, turning SQLite's failures into StoreUnavailableError. */
  run<T>(work: () => T): T;
}

interface SurveyRow {
  id: string;
  name: string;
  window_from: number;
  window_to: number;
  roster_kinds: string;
  opened_at: number;
  opened_by: string;
  closes_at: number | null;
  closed_at: number | null;
}

interface RosterRow {
  survey_id: string;
  actor_id: string;
}

interface RatingRow {
  respondent_id: string;
  partner_id: string;
  worked_together: number;
  reliability: number | null;
  openness: number | null;
  shared_mission: number | null;
  influence: number | null;
  resources: number | null;
  involvement: number | null;
  submitted_at: number;
}

type RatingParams = [
  surveyId: string,
  respondentId: string,
  partnerId: string,
  workedTogether: number,
  reliability: number | null,
  openness: number | null,
  sharedMission: number | null,
  influence: number | null,
  resources: number | null,
  involvement: number | null,
  submittedAt: number,
];

const RATING_COLUMNS =
  'respondent_id, partner_id, worked_together, reliability, openness, shared_mission, influence, resources, involvement, submitted_at';

function prepare(db: Database.Database) {
  return {
    insertSurvey: db.prepare<[string, string, number, number, string, number, string, number | null, number | null]>(
      `INSERT INTO surveys (id, name, window_from, window_to, roster_kinds, opened_at, opened_by, closes_at, closed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertRoster: db.prepare<[string, string]>('INSERT OR IGNORE INTO survey_roster (survey_id, actor_id) VALUES (?, ?)'),
    surveyById: db.prepare<[string], SurveyRow>('SELECT * FROM surveys WHERE id = ?'),
    rosterOf: db.prepare<[string], string>('SELECT actor_id FROM survey_roster WHERE survey_id = ? ORDER BY actor_id').pluck(),
    surveys: db.prepare<[], SurveyRow>('SELECT * FROM surveys ORDER BY window_from, id'),
    rosters: db.prepare<[], RosterRow>('SELECT survey_id, actor_id FROM survey_roster ORDER BY survey_id, actor_id'),
    closeSurvey: db.prepare<[number, string]>('UPDATE surveys SET closed_at = ? WHERE id = ?'),
    ratingsOf: db.prepare<[string], RatingRow>(
      `SELECT ${RATING_COLUMNS} FROM survey_ratings WHERE survey_id = ? ORDER BY respondent_id, partner_id`,
    ),
    ratingsOfRespondent: db.prepare<[string, string], RatingRow>(
      `SELECT ${RATING_COLUMNS} FROM survey_ratings WHERE survey_id = ? AND respondent_id = ? ORDER BY partner_id`,
    ),
    deleteRatingsOfRespondent: db.prepare<[string, string]>('DELETE FROM survey_ratings WHERE survey_id = ? AND respondent_id = ?'),
    insertRating: db.prepare<RatingParams>(
      `INSERT INTO survey_ratings (survey_id, ${RATING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    countRostersOf: db.prepare<[string], number>('SELECT count(*) FROM survey_roster WHERE actor_id = ?').pluck(),
    // A merge: the source's rows move to the target; where the target has the same key already, the target's row is kept.
    moveRoster: db.prepare<[target: string, source: string]>('UPDATE OR IGNORE survey_roster SET actor_id = ? WHERE actor_id = ?'),
    dropRoster: db.prepare<[source: string]>('DELETE FROM survey_roster WHERE actor_id = ?'),
    moveRespondent: db.prepare<[target: string, source: string]>(
      'UPDATE OR IGNORE survey_ratings SET respondent_id = ? WHERE respondent_id = ?',
    ),
    dropRespondent: db.prepare<[source: string]>('DELETE FROM survey_ratings WHERE respondent_id = ?'),
    movePartner: db.prepare<[target: string, source: string]>('UPDATE OR IGNORE survey_ratings SET partner_id = ? WHERE partner_id = ?'),
    dropPartner: db.prepare<[source: string]>('DELETE FROM survey_ratings WHERE partner_id = ?'),
    dropSelfRatings: db.prepare<[target: string, target: string]>('DELETE FROM survey_ratings WHERE respondent_id = ? AND partner_id = ?'),
    moveTokens: db.prepare<[target: string, source: string]>('UPDATE api_tokens SET actor_id = ? WHERE actor_id = ?'),
    insertAudit: db.prepare(STATEMENTS.insertAudit.sql),
    bumpRevision: db.prepare(STATEMENTS.bumpRevision.sql),
  };
}

/**
 * The surveys part of the SQLite store (issue 23): tables surveys, survey_roster and
 * survey_ratings (schema.ts). Each write is one transaction begun IMMEDIATE, like the store's.
 */
export class SqliteSurveyStore implements SurveyStore {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database.Database,
    private readonly access: SqliteAccess,
  ) {
    this.statements = prepare(db);
  }

  async createSurvey(survey: Survey, author: Author): Promise<Survey> {
    const write = this.db.transaction((): Survey => {
      rules.requireNewSurvey(survey.id, this.statements.surveyById.get(survey.id) !== undefined);
      this.statements.insertSurvey.run(
        survey.id,
        survey.name,
        survey.window.from.getTime(),
        survey.window.to.getTime(),
        JSON.stringify(survey.rosterKinds),
        survey.openedAt.getTime(),
        survey.openedBy,
        survey.closesAt?.getTime() ?? null,
        survey.closedAt?.getTime() ?? null,
      );
      for (const actorId of survey.rosterIds) this.statements.insertRoster.run(survey.id, actorId);
      const stored = this.survey(survey.id)!;
      this.appendAudit(audit.surveyCreated(stored, author));
      this.statements.bumpRevision.run();
      return stored;
    });
    return this.access.write(() => write.immediate());
  }

  async closeSurvey(id: string, at: Date, author: Author): Promise<Survey> {
    const write = this.db.transaction((): Survey => {
      const before = rules.requireSurvey(this.survey(id), id, 'id');
      rules.requireNotClosed(before, at);
      this.statements.closeSurvey.run(at.getTime(), id);
      const after = this.survey(id)!;
      this.appendAudit(audit.surveyClosed(before, after, author));
      this.statements.bumpRevision.run();
      return after;
    });
    return this.access.write(() => write.immediate());
  }

  async getSurvey(id: string): Promise<Survey | null> {
    return this.access.run(() => this.survey(id));
  }

  async listSurveys(): Promise<Survey[]> {
    return this.access.run(() => {
      const rosters = new Map<string, string[]>();
      for (const row of this.statements.rosters.all()) {
        const roster = rosters.get(row.survey_id) ?? [];
        roster.push(row.actor_id);
        rosters.set(row.survey_id, roster);
      }
      return this.statements.surveys.all().map((row) => toSurvey(row, rosters.get(row.id) ?? []));
    });
  }

  async replaceRatings(surveyId: string, respondentId: string, ratings: readonly Rating[], at: Date, author: Author): Promise<void> {
    const write = this.db.transaction(() => {
      const survey = rules.requireSurvey(this.survey(surveyId), surveyId, 'surveyId');
      rules.requireOpenAt(survey, at);
      const before = this.statements.ratingsOfRespondent.all(surveyId, respondentId).map((row) => ratingAnswers(toRating(row)));
      this.statements.deleteRatingsOfRespondent.run(surveyId, respondentId);
      for (const rating of ratings) this.statements.insertRating.run(...ratingParams(surveyId, respondentId, rating, at));
      this.appendAudit(audit.ratingsReplaced(surveyId, respondentId, before, ratings, author));
      this.statements.bumpRevision.run();
    });
    await this.access.write(() => write.immediate());
  }

  async listRatings(surveyId: string): Promise<StoredRating[]> {
    return this.access.run(() => this.statements.ratingsOf.all(surveyId).map(toRating));
  }

  /**
   * Inside SqliteStore.mergeActors' transaction: rosters, ratings (both ends) and respondent tokens
   * of the source move to the target. A key both already hold keeps the target's row; a rating
   * the merge would make of the target about itself is dropped.
   */
  moveActorInTransaction(sourceId: string, targetId: string): void {
    const s = this.statements;
    s.moveRoster.run(targetId, sourceId);
    s.dropRoster.run(sourceId);
    s.moveRespondent.run(targetId, sourceId);
    s.dropRespondent.run(sourceId);
    s.movePartner.run(targetId, sourceId);
    s.dropPartner.run(sourceId);
    s.dropSelfRatings.run(targetId, targetId);
    s.moveTokens.run(targetId, sourceId);
  }

  /** Inside SqliteStore.deleteActor's transaction: refuses an actor on a roster. */
  requireOffRostersInTransaction(actorId: string): void {
    rules.requireOffRosters(actorId, this.statements.countRostersOf.get(actorId)!);
  }

  private survey(id: string): Survey | null {
    const row = this.statements.surveyById.get(id);
    return row ? toSurvey(row, this.statements.rosterOf.all(id)) : null;
  }

  private appendAudit(record: AuditRecord): void {
    this.statements.insertAudit.run(...auditParams(record));
  }
}

function toSurvey(row: SurveyRow, rosterIds: readonly string[]): Survey {
  return {
    id: row.id,
    name: row.name,
    window: { from: new Date(row.window_from), to: new Date(row.window_to) },
    rosterKinds: JSON.parse(row.roster_kinds) as ActorKind[],
    rosterIds,
    openedAt: new Date(row.opened_at),
    openedBy: row.opened_by,
    closesAt: row.closes_at === null ? null : new Date(row.closes_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
  };
}

function toRating(row: RatingRow): StoredRating {
  return {
    respondentId: row.respondent_id,
    partnerId: row.partner_id,
    workedTogether: row.worked_together === 1,
    reliability: row.reliability,
    openness: row.openness,
    sharedMission: row.shared_mission,
    influence: row.influence,
    resources: row.resources,
    involvement: row.involvement,
    submittedAt: new Date(row.submitted_at),
  };
}

function ratingParams(surveyId: string, respondentId: string, rating: Rating, at: Date): RatingParams {
  return [
    surveyId,
    respondentId,
    rating.partnerId,
    rating.workedTogether ? 1 : 0,
    rating.reliability,
    rating.openness,
    rating.sharedMission,
    rating.influence,
    rating.resources,
    rating.involvement,
    at.getTime(),
  ];
}
