import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { Author } from '../../domain/access';
import { ACTOR_KINDS } from '../../domain/actor';
import type { AuditRecord } from '../../domain/audit';
import { ratingAnswers, type Rating, type StoredRating, type Survey } from '../../domain/survey';
import * as audit from '../audit-entries';
import type { SurveyStore } from '../survey-store';
import * as rules from '../survey-rules';
import {
  fromNeo4jDateTime,
  nodeName,
  toMember,
  toSafeNumber,
  toStringList,
  toStringValue,
  toNeo4jDateTime,
  type RowLike,
} from './conversions';
import { readStatement } from './cypher-files';
import type { StatementName, StatementParameters } from './statements';

/** What the surveys module borrows from Neo4jStore: its managed transactions (error translation, bookmarks) and audit numbering. */
export interface Neo4jAccess {
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  appendAudit(tx: ManagedTransaction, records: readonly AuditRecord[]): Promise<void>;
}

/**
 * The surveys part of the Neo4j store (issue 23): (:Survey) nodes holding their roster as a
 * sorted list of actor ids, and (:Rating) nodes keyed by (surveyId, respondentId, partnerId)
 * (graph-model.ts). Each write is one managed transaction, like the store's.
 */
export class Neo4jSurveyStore implements SurveyStore {
  constructor(private readonly access: Neo4jAccess) {}

  async createSurvey(survey: Survey, author: Author): Promise<Survey> {
    return this.access.write(async (tx) => {
      rules.requireNewSurvey(survey.id, (await surveyById(tx, survey.id)) !== null);
      await run(tx, 'create-survey', {
        id: survey.id,
        name: survey.name,
        windowFrom: toNeo4jDateTime(survey.window.from),
        windowTo: toNeo4jDateTime(survey.window.to),
        rosterKinds: [...survey.rosterKinds],
        rosterIds: sortedUnique(survey.rosterIds),
        openedAt: toNeo4jDateTime(survey.openedAt),
        openedBy: survey.openedBy,
        closesAt: survey.closesAt ? toNeo4jDateTime(survey.closesAt) : null,
        closedAt: survey.closedAt ? toNeo4jDateTime(survey.closedAt) : null,
      });
      const stored = (await surveyById(tx, survey.id))!;
      await this.access.appendAudit(tx, [audit.surveyCreated(stored, author)]);
      await run(tx, 'bump-revision', {});
      return stored;
    });
  }

  async closeSurvey(id: string, at: Date, author: Author): Promise<Survey> {
    return this.access.write(async (tx) => {
      const before = rules.requireSurvey(await surveyById(tx, id), id, 'id');
      rules.requireNotClosed(before, at);
      await run(tx, 'close-survey', { id, at: toNeo4jDateTime(at) });
      const after = { ...before, closedAt: at };
      await this.access.appendAudit(tx, [audit.surveyClosed(before, after, author)]);
      await run(tx, 'bump-revision', {});
      return after;
    });
  }

  async getSurvey(id: string): Promise<Survey | null> {
    return this.access.read((tx) => surveyById(tx, id));
  }

  async listSurveys(): Promise<Survey[]> {
    const { records } = await this.access.read((tx) => run(tx, 'list-surveys', {}));
    return records.map(surveyFromRow);
  }

  async replaceRatings(surveyId: string, respondentId: string, ratings: readonly Rating[], at: Date, author: Author): Promise<void> {
    await this.access.write(async (tx) => {
      const survey = rules.requireSurvey(await surveyById(tx, surveyId), surveyId, 'surveyId');
      rules.requireOpenAt(survey, at);
      const { records } = await run(tx, 'delete-respondent-ratings', { surveyId, respondentId });
      const before = records
        .map(ratingFromRow)
        .sort(rules.compareRatings)
        .map((rating) => ratingAnswers(rating));
      if (ratings.length > 0) {
        await run(tx, 'create-ratings', {
          surveyId,
          respondentId,
          submittedAt: toNeo4jDateTime(at),
          ratings: ratings.map(ratingAnswers),
        });
      }
      await this.access.appendAudit(tx, [audit.ratingsReplaced(surveyId, respondentId, before, ratings, author)]);
      await run(tx, 'bump-revision', {});
    });
  }

  async listRatings(surveyId: string): Promise<StoredRating[]> {
    const { records } = await this.access.read((tx) => run(tx, 'list-survey-ratings', { surveyId }));
    return records.map(ratingFromRow);
  }

  /**
   * Inside Neo4jStore.mergeActors' transaction: rosters, ratings (both ends) and respondent tokens
   * of the source move to the target. A key both already hold keeps the target's rating; a rating
   * the merge would make of the target about itself is dropped.
   */
  async moveActorInTransaction(tx: ManagedTransaction, sourceId: string, targetId: string): Promise<void> {
    const { records } = await run(tx, 'find-surveys-on-roster', { actorId: sourceId });
    const surveys = records.map((record) => ({
      id: toStringValue(record.get('id'), 'id'),
      rosterIds: sortedUnique(toStringList(record.get('rosterIds'), 'rosterIds').map((id) => (id === sourceId ? targetId : id))),
    }));
    if (surveys.length > 0) await run(tx, 'set-survey-rosters', { surveys });
    await run(tx, 'move-rating-respondents', { sourceId, targetId });
    await run(tx, 'move-rating-partners', { sourceId, targetId });
    await run(tx, 'drop-self-ratings', { actorId: targetId });
    await run(tx, 'move-survey-respondent-tokens', { sourceId, targetId });
  }

  /** Inside Neo4jStore.deleteActor's transaction: refuses an actor on a roster. */
  async requireOffRostersInTransaction(tx: ManagedTransaction, actorId: string): Promise<void> {
    const { records } = await run(tx, 'find-surveys-on-roster', { actorId });
    rules.requireOffRosters(actorId, records.length);
  }
}

/** Runs a statement from cypher/ by name; the compiler checks the parameters against statements.ts. */
function run<N extends StatementName>(tx: ManagedTransaction, name: N, parameters: StatementParameters<N>): Promise<QueryResult> {
  return tx.run(readStatement(name), parameters);
}

async function surveyById(tx: ManagedTransaction, id: string): Promise<Survey | null> {
  const { records } = await run(tx, 'find-survey', { id });
  return records[0] ? surveyFromRow(records[0]) : null;
}

function surveyFromRow(row: RowLike): Survey {
  const what = nodeName('Survey', 'id', toStringValue(row.get('id'), '(:Survey).id'));
  const optionalDate = (key: string) => {
    const value = row.get(key);
    return value === null || value === undefined ? null : fromNeo4jDateTime(value, `${what}.${key}`);
  };
  return {
    id: toStringValue(row.get('id'), `${what}.id`),
    name: toStringValue(row.get('name'), `${what}.name`),
    window: {
      from: fromNeo4jDateTime(row.get('windowFrom'), `${what}.windowFrom`),
      to: fromNeo4jDateTime(row.get('windowTo'), `${what}.windowTo`),
    },
    rosterKinds: toStringList(row.get('rosterKinds'), `${what}.rosterKinds`).map((kind, i) =>
      toMember(kind, ACTOR_KINDS, `${what}.rosterKinds[${i}]`, 'an actor kind'),
    ),
    rosterIds: toStringList(row.get('rosterIds'), `${what}.rosterIds`),
    openedAt: fromNeo4jDateTime(row.get('openedAt'), `${what}.openedAt`),
    openedBy: toStringValue(row.get('openedBy'), `${what}.openedBy`),
    closesAt: optionalDate('closesAt'),
    closedAt: optionalDate('closedAt'),
  };
}

function ratingFromRow(row: RowLike): StoredRating {
  const respondentId = toStringValue(row.get('respondentId'), '(:Rating).respondentId');
  const partnerId = toStringValue(row.get('partnerId'), '(:Rating).partnerId');
  const what = `(:Rating {respondentId: ${JSON.stringify(respondentId)}, partnerId: ${JSON.stringify(partnerId)}})`;
  const item = (key: string) => {
    const value = row.get(key);
    return value === null || value === undefined ? null : toSafeNumber(value, `${what}.${key}`);
  };
  const workedTogether = row.get('workedTogether');
  if (typeof workedTogether !== 'boolean') throw new TypeError(`${what}.workedTogether: expected a boolean`);
  return {
    respondentId,
    partnerId,
    workedTogether,
    reliability: item('reliability'),
    openness: item('openness'),
    sharedMission: item('sharedMission'),
    influence: item('influence'),
    resources: item('resources'),
    involvement: item('involvement'),
    submittedAt: fromNeo4jDateTime(row.get('submittedAt'), `${what}.submittedAt`),
  };
}

/** A roster as both stores keep it: each id once, sorted (code-unit order, as Neo4j and SQLite compare ASCII ids). */
function sortedUnique(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort(rules.compareIds);
}
