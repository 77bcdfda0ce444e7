import { systemAuthor } from '../domain/access';
import { sameActor, type Actor } from '../domain/actor';
import { chunks } from '../domain/chunks';
import type { Interaction } from '../domain/interaction';
import { ratingAnswers, type StoredRating } from '../domain/survey';
import type { Store } from '../store/store';

/**
 * Copies a whole network from one store to another (SQLite → Neo4j, Neo4j → SQLite, or any
 * pair), so a team can start on the embedded store and move up without losing anything.
 *
 * - Actors first, so every interaction finds its actors. An actor whose stored copy in the
 *   target is already identical is skipped. The others are written in an order where each
 *   affiliation target comes first (depth-first); an affiliation that closes a cycle is
 *   written in a second pass, once both ends exist.
 * - Then interactions, streamed from the source in (occurredAt, id) order and written in
 *   batches with their ids and externalIds. The port's recordInteractions returns
 *   `created: false` for an id or externalId already stored, so a second run copies nothing.
 * - Then surveys (issue 23) with their ratings, one respondent's ratings at a time. A survey the
 *   target lacks is created open, its ratings written, then closed at the source's closedAt; one the
 *   target holds already is kept as it is there, except that respondents whose ratings differ get the
 *   source's and a survey closed in the source is closed in the target. A respondent's ratings are
 *   written in one call, so they share one submittedAt: the latest of theirs in the source.
 * - Running it twice is safe: the second run writes nothing and leaves the target's revision alone.
 * Actors are held in memory (organisations number in the thousands); interactions are not.
 */

export interface MigrationCounts {
  /** Actors written to the target (new, or different there). */
  readonly actors: number;
  /** Interactions created in the target. */
  readonly interactions: number;
  /** Surveys created in the target. */
  readonly surveys: number;
  /** Respondents (of any survey) whose ratings were written to the target. */
  readonly responses: number;
  /** What the target held already, identical: skipped actors and interactions not created again, surveys and responses kept. */
  readonly alreadyPresent: { readonly actors: number; readonly interactions: number; readonly surveys: number; readonly responses: number };
}

export interface MigrationProgress {
  /** `surveys` is reported once, after the surveys, and only when the source holds any. */
  readonly phase: 'actors' | 'interactions' | 'surveys';
  /** Items of this phase read from the source so far. */
  readonly read: number;
  readonly copied: number;
  readonly alreadyPresent: number;
}

export interface MigrationOptions {
  /** Items per write call (one transaction each). */
  readonly batchSize?: number;
}

export const DEFAULT_MIGRATION_BATCH = 2000;

/** Every instant a JS Date can hold: the window that streams a store's whole history. */
const ALL_TIME = { from: new Date(-8.64e15), to: new Date(8.64e15) };

export async function migrateStore(
  from: Store,
  to: Store,
  onProgress: (progress: MigrationProgress) => void = () => undefined,
  options: MigrationOptions = {},
): Promise<MigrationCounts> {
  const batchSize = options.batchSize ?? DEFAULT_MIGRATION_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number ≥ 1, not ${batchSize}`);
  const actors = await copyActors(from, to, batchSize, onProgress);
  const interactions = await copyInteractions(from, to, batchSize, onProgress);
  const surveys = await copySurveys(from, to, onProgress);
  return {
    actors: actors.copied,
    interactions: interactions.copied,
    surveys: surveys.copied,
    responses: surveys.responses,
    alreadyPresent: {
      actors: actors.present,
      interactions: interactions.present,
      surveys: surveys.present,
      responses: surveys.responsesPresent,
    },
  };
}

async function copyActors(from: Store, to: Store, batchSize: number, onProgress: (p: MigrationProgress) => void) {
  const source: Actor[] = [];
  for await (const actor of from.streamActors()) source.push(actor);

  const changed: Actor[] = [];
  for (const batch of chunks(source, batchSize)) {
    const stored = await to.getActorsByIds(batch.map((actor) => actor.id));
    batch.forEach((actor, i) => {
      if (!sameActor(actor, stored[i] ?? null)) changed.push(actor);
    });
  }
  const present = source.length - changed.length;

  const { order, deferred } = affiliationOrder(changed);
  let copied = 0;
  for (const batch of chunks(order, batchSize)) {
    await to.upsertActors(batch);
    copied += batch.length;
    onProgress({ phase: 'actors', read: source.length, copied, alreadyPresent: present });
  }
  // Affiliations that closed a cycle were left out above; both ends exist now.
  for (const batch of chunks(deferred, batchSize)) await to.upsertActors(batch);
  if (changed.length === 0) onProgress({ phase: 'actors', read: source.length, copied: 0, alreadyPresent: present });
  return { copied, present };
}

/**
 * Orders actors so that an affiliation target to be written comes before the actors naming
 * it. An actor whose affiliation would close a cycle is written first without it (`order`)
 * and again with it afterwards (`deferred`).
 */
export function affiliationOrder(actors: readonly Actor[]): { order: Actor[]; deferred: Actor[] } {
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: Actor[] = [];
  const deferred: Actor[] = [];
  for (const start of actors) {
    // Iterative depth-first walk along affiliations: each actor has at most one.
    const path: Actor[] = [];
    let current: Actor | undefined = start;
    while (current && !state.has(current.id)) {
      state.set(current.id, 'visiting');
      path.push(current);
      current = current.affiliationId === null ? undefined : byId.get(current.affiliationId);
    }
    const closesCycle = current !== undefined && state.get(current.id) === 'visiting';
    for (let i = path.length - 1; i >= 0; i--) {
      const actor = path[i]!;
      if (closesCycle && i === path.length - 1) {
        order.push({ ...actor, affiliationId: null });
        deferred.push(actor);
      } else {
        order.push(actor);
      }
      state.set(actor.id, 'done');
    }
  }
  return { order, deferred };
}

async function copyInteractions(from: Store, to: Store, batchSize: number, onProgress: (p: MigrationProgress) => void) {
  let read = 0;
  let copied = 0;
  let present = 0;
  const flush = async (batch: Interaction[]) => {
    for (const result of await to.recordInteractions(batch, undefined, 'migration')) {
      if (result.created) copied++;
      else present++;
    }
    onProgress({ phase: 'interactions', read, copied, alreadyPresent: present });
  };
  let batch: Interaction[] = [];
  for await (const interaction of from.streamWindow(ALL_TIME)) {
    batch.push(interaction);
    read++;
    if (batch.length === batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0 || read === 0) await flush(batch);
  const total = await from.countInteractions({});
  if (total !== read) {
    throw new Error(`The source holds ${total} interactions but ${read} were read: was it written to during the migration? Run it again.`);
  }
  return { copied, present };
}

async function copySurveys(from: Store, to: Store, onProgress: (p: MigrationProgress) => void) {
  const author = systemAuthor();
  const counts = { copied: 0, present: 0, responses: 0, responsesPresent: 0 };
  const surveys = await from.surveys.listSurveys();
  for (const survey of surveys) {
    const existing = await to.surveys.getSurvey(survey.id);
    if (existing === null) {
      // Created open so that its ratings can be written, then closed as in the source.
      await to.surveys.createSurvey({ ...survey, closedAt: null }, author);
      counts.copied++;
    } else {
      counts.present++;
    }
    const target = byRespondent(existing === null ? [] : await to.surveys.listRatings(survey.id));
    for (const [respondentId, ratings] of byRespondent(await from.surveys.listRatings(survey.id))) {
      if (sameResponse(ratings, target.get(respondentId))) {
        counts.responsesPresent++;
        continue;
      }
      const submittedAt = latestSubmission(ratings);
      await to.surveys.replaceRatings(survey.id, respondentId, ratings.map(ratingAnswers), submittedAt, author);
      counts.responses++;
    }
    if (survey.closedAt !== null && (existing === null || existing.closedAt === null)) {
      await to.surveys.closeSurvey(survey.id, survey.closedAt, author);
    }
  }
  if (surveys.length > 0) onProgress({ phase: 'surveys', read: surveys.length, copied: counts.copied, alreadyPresent: counts.present });
  return counts;
}

/** Ratings grouped by respondent, each group in listRatings order (by partner). */
function byRespondent(ratings: readonly StoredRating[]): Map<string, StoredRating[]> {
  const groups = new Map<string, StoredRating[]>();
  for (const rating of ratings) {
    const group = groups.get(rating.respondentId) ?? [];
    group.push(rating);
    groups.set(rating.respondentId, group);
  }
  return groups;
}

function latestSubmission(ratings: readonly StoredRating[]): Date {
  return new Date(Math.max(...ratings.map((rating) => rating.submittedAt.getTime())));
}

/** The same answers about the same partners, and the same latest submission (what a copy keeps). */
function sameResponse(source: readonly StoredRating[], target: readonly StoredRating[] | undefined): boolean {
  if (target === undefined || target.length !== source.length) return false;
  if (latestSubmission(source).getTime() !== latestSubmission(target).getTime()) return false;
  return source.every((rating, i) => JSON.stringify(ratingAnswers(rating)) === JSON.stringify(ratingAnswers(target[i]!)));
}
