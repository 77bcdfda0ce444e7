import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { TokenService } from '../auth/token-service';
import type { Author } from '../domain/access';
import { ACTOR_KINDS, requireNonEmpty, type Actor, type ActorKind } from '../domain/actor';
import { checkInstant } from '../domain/date-time';
import { InvalidInputError } from '../domain/errors';
import { validateRatings, type RatingInput } from '../domain/rating-rules';
import { checkKinds } from '../domain/scope';
import { isSurveyOpen, type StoredRating, type Survey } from '../domain/survey';
import { checkText } from '../domain/text-rules';
import { validateWindow, type TimeWindow } from '../domain/time-window';
import { formPartners, type FormPartnerRow } from '../metrics/survey/form-partners';
import { scoreSurvey, withPrivacy, type SurveyScores } from '../metrics/survey/survey-scores';
import { loggedTiesOf, type LoggedTie } from '../metrics/survey/tie-confirmation';
import { surveyLinksCsv, surveyRatingsCsv, surveyScoresCsv } from '../export/survey-csv';
import { compareIds } from '../projection/compare-ids';
import type { Store } from '../store/store';
import type { MetricsService } from './metrics-service';

/** Most actors one roster may hold: each gets a link, and each form lists the roster. */
export const MAX_ROSTER_SIZE = 2000;

/** Actors read per page when resolving `rosterKinds`. */
const ROSTER_PAGE = 500;

/** Surveys whose results are kept (per survey, at the store's current revision). */
const RESULTS_KEPT = 50;

export interface OpenSurveyInput {
  readonly name: string;
  readonly window: TimeWindow;
  readonly rosterKinds?: readonly string[] | null;
  readonly rosterIds?: readonly string[] | null;
  readonly closesAt?: Date | null;
}

/** Whom a respondent token is bound to (carried on its Principal). */
export interface RespondentBinding {
  readonly surveyId: string;
  readonly actorId: string;
}

/** A survey's results: the scores and the logged ties they were joined with. */
export interface SurveyResults {
  readonly scores: SurveyScores;
  /** The window's ties among the roster (default projection), sorted by (a, b). */
  readonly ties: readonly LoggedTie[];
  readonly ratings: readonly StoredRating[];
}

export interface RespondentLinkRow {
  readonly actor: Actor;
  readonly token: string;
  readonly url: string;
}

/** What a respondent's form shows. */
export interface RespondentFormData {
  readonly survey: Survey;
  readonly actor: Actor;
  readonly partners: readonly (Omit<FormPartnerRow, 'partnerId'> & { readonly actor: Actor })[];
  /** Every roster actor but the respondent, by name then id. */
  readonly roster: readonly Actor[];
  /** When the respondent last submitted; null before its first submission (or after it withdrew every answer). */
  readonly submittedAt: Date | null;
}

/**
 * Relationship surveys (issue 23): open and close them, hand out respondent links, take a
 * respondent's answers, and score them against the window's tie network.
 *
 * - Input errors are InvalidInputError naming `input.name`, `input.window.from`/`.to`,
 *   `input.rosterKinds[i]`, `input.rosterIds[i]`, `input.rosterKinds` (an empty roster),
 *   `input.closesAt`, `id`/`surveyId` (unknown or closed) and `ratings[i].<field>`.
 * - Results are computed once per survey and store revision (any write makes the next read recompute).
 */
export class SurveyService {
  private readonly resultsMemo = new LRUCache<string, Promise<SurveyResults>>({ max: RESULTS_KEPT });
  private resultsRevision: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly metrics: MetricsService,
    private readonly tokens: TokenService,
    /** COPNET_PUBLIC_URL: where links point when set (else the caller's origin). */
    readonly publicUrl: string | null = null,
  ) {}

  async open(input: OpenSurveyInput, author: Author): Promise<Survey> {
    const name = checkText(requireNonEmpty(input.name, 'input.name'), 'name', 'input.name');
    const window = validateWindow(input.window, 'input.window');
    const rosterKinds: ActorKind[] = checkKinds(input.rosterKinds, ACTOR_KINDS, 'input.rosterKinds') ?? [];
    let closesAt: Date | null = null;
    if (input.closesAt !== null && input.closesAt !== undefined) {
      if (Number.isNaN(input.closesAt.getTime())) throw new InvalidInputError('input.closesAt', input.closesAt, 'is not a valid date-time');
      closesAt = checkInstant(input.closesAt, 'input.closesAt');
      if (closesAt.getTime() <= author.at.getTime()) {
        throw new InvalidInputError('input.closesAt', closesAt, `must be in the future (now is ${author.at.toISOString()})`);
      }
    }
    const roster = new Set<string>();
    const given = input.rosterIds ?? [];
    if (given.length > MAX_ROSTER_SIZE) {
      throw new InvalidInputError(
        'input.rosterIds',
        `${given.length} ids`,
        `holds more than the ${MAX_ROSTER_SIZE} actors a roster may hold`,
      );
    }
    const listed = new Set<string>();
    const ids = given.map((raw, i) => {
      const id = checkText(requireNonEmpty(raw, `input.rosterIds[${i}]`), 'id', `input.rosterIds[${i}]`);
      // As participantIds: a repeat is refused, not merged silently (a merged actor's old id beside its new one is no repeat).
      if (listed.has(id)) throw new InvalidInputError(`input.rosterIds[${i}]`, id, 'is listed twice');
      listed.add(id);
      return id;
    });
    const found = ids.length === 0 ? [] : await this.store.getActorsByIds(ids);
    ids.forEach((id, i) => {
      const actor = found[i];
      if (!actor) throw new InvalidInputError(`input.rosterIds[${i}]`, id, 'is not a known actor');
      roster.add(actor.id); // a merged actor's old id names the actor it was merged into
    });
    if (rosterKinds.length > 0) {
      let after: { id: string } | null = null;
      for (;;) {
        const page = await this.store.listActors({ kinds: rosterKinds }, { first: ROSTER_PAGE, after });
        for (const actor of page.items) roster.add(actor.id);
        if (roster.size > MAX_ROSTER_SIZE) {
          throw new InvalidInputError('input.rosterKinds', rosterKinds, `select more than the ${MAX_ROSTER_SIZE} actors a roster may hold`);
        }
        const last = page.items[page.items.length - 1];
        if (!page.hasNextPage || !last) break;
        after = { id: last.id };
      }
    }
    if (roster.size === 0) {
      throw new InvalidInputError(
        'input.rosterKinds',
        rosterKinds,
        'and input.rosterIds select no actor: a survey needs at least one actor on its roster',
      );
    }
    const survey: Survey = {
      id: randomUUID(),
      name,
      window: { from: window.from, to: window.to },
      rosterKinds,
      rosterIds: [...roster].sort(compareIds),
      openedAt: author.at,
      openedBy: author.by,
      closesAt,
      closedAt: null,
    };
    return this.store.surveys.createSurvey(survey, author);
  }

  close(id: string, author: Author): Promise<Survey> {
    return this.store.surveys.closeSurvey(id, author.at, author);
  }

  /** The survey, or null for an id that names none; an empty id is refused (it was answered null, as if it could name one). */
  get(id: string): Promise<Survey | null> {
    return this.store.surveys.getSurvey(requireNonEmpty(id, 'id'));
  }

  list(): Promise<Survey[]> {
    return this.store.surveys.listSurveys();
  }

  /** The survey, or InvalidInputError naming `field` when there is none. */
  async require(id: string, field = 'id'): Promise<Survey> {
    const survey = await this.store.surveys.getSurvey(id);
    if (!survey) throw new InvalidInputError(field, id, 'is not a known survey');
    return survey;
  }

  /** The roster's actors in roster (id) order; actors deleted since the survey opened are left out. */
  async rosterActors(survey: Survey): Promise<Actor[]> {
    const found = await this.store.getActorsByIds(survey.rosterIds);
    return found.filter((actor, i): actor is Actor => actor !== null && actor.id === survey.rosterIds[i]);
  }

  /**
   * One new respondent token per roster actor, named `survey:<surveyId>:<actorId>:<n>` (n counts
   * up from 1 per actor: earlier links keep working), expiring when the survey closes.
   * `base` is where the dashboard is served (COPNET_PUBLIC_URL, or the caller's origin). Errors
   * name `field`, the caller's name for the survey id (`surveyId` in GraphQL, `id` in the download's URL).
   */
  async createLinks(surveyId: string, base: string, author: Author, field = 'surveyId'): Promise<RespondentLinkRow[]> {
    const survey = await this.require(surveyId, field);
    if (!isSurveyOpen(survey, author.at)) throw new InvalidInputError(field, surveyId, 'is closed: its links would not work');
    const actors = await this.rosterActors(survey);
    const issued = new Map<string, number>();
    const prefix = `survey:${survey.id}:`;
    for (const token of await this.tokens.list()) {
      if (!token.name.startsWith(prefix)) continue;
      const actorId = token.name.slice(prefix.length, token.name.lastIndexOf(':'));
      const n = Number(token.name.slice(token.name.lastIndexOf(':') + 1));
      if (Number.isInteger(n)) issued.set(actorId, Math.max(issued.get(actorId) ?? 0, n));
    }
    const rows: RespondentLinkRow[] = [];
    for (const actor of actors) {
      const n = (issued.get(actor.id) ?? 0) + 1;
      const { token } = await this.tokens.createRespondent(
        { surveyId: survey.id, actorId: actor.id, n, expiresAt: survey.closesAt },
        author,
      );
      rows.push({ actor, token, url: respondentUrl(base, token) });
    }
    return rows;
  }

  /** New links for every roster actor (createLinks), as the CSV `copnet survey links` and /export/survey-links write. */
  async linksCsv(surveyId: string, base: string, author: Author, field = 'surveyId'): Promise<CsvFile> {
    const links = await this.createLinks(surveyId, base, author, field);
    return { filename: `survey-${surveyId}-links.csv`, text: surveyLinksCsv(links) };
  }

  /**
   * The per-actor scores as CSV (`full`: as an admin sees them; otherwise with the privacy
   * rule), or with `ratings` one row per stored answer (admins only: the caller checks).
   */
  async scoresCsv(surveyId: string, options: { readonly full: boolean; readonly ratings: boolean }): Promise<CsvFile> {
    const survey = await this.require(surveyId, 'id');
    const results = await this.results(survey);
    const actors = new Map((await this.rosterActors(survey)).map((actor) => [actor.id, actor]));
    if (options.ratings) return { filename: `survey-${survey.id}-ratings.csv`, text: surveyRatingsCsv(results.ratings, actors) };
    const scores = options.full ? results.scores : withPrivacy(results.scores);
    const rows = scores.actors.flatMap((a) => {
      const actor = actors.get(a.actorId);
      return actor ? [{ ...a, actor }] : [];
    });
    return { filename: `survey-${survey.id}.csv`, text: surveyScoresCsv(rows) };
  }

  /** The window's ties, the answers and the scores; once per survey and store revision. */
  async results(survey: Survey): Promise<SurveyResults> {
    const revision = await this.store.revision();
    if (revision !== this.resultsRevision) {
      this.resultsMemo.clear();
      this.resultsRevision = revision;
    }
    const key = survey.id;
    let results = this.resultsMemo.get(key);
    if (!results) {
      results = this.compute(survey);
      this.resultsMemo.set(key, results);
      results.catch(() => this.resultsMemo.delete(key));
    }
    return results;
  }

  private async compute(survey: Survey): Promise<SurveyResults> {
    const [ratings, { network }] = await Promise.all([this.store.surveys.listRatings(survey.id), this.metrics.network(survey.window)]);
    const ties = loggedTiesOf(network, new Set(survey.rosterIds));
    return { scores: scoreSurvey({ rosterIds: survey.rosterIds, ratings, ties }), ties, ratings };
  }

  /** A respondent's form: the partners pre-filled from the window's ties and its earlier answers. */
  async form(binding: RespondentBinding): Promise<RespondentFormData> {
    const survey = await this.require(binding.surveyId, 'surveyId');
    const { ties, ratings } = await this.results(survey);
    const own = ratings.filter((rating) => rating.respondentId === binding.actorId);
    const actors = new Map((await this.rosterActors(survey)).map((actor) => [actor.id, actor]));
    const actor = actors.get(binding.actorId);
    if (!actor)
      throw new InvalidInputError('actorId', binding.actorId, "is no longer on this survey's roster (the actor was deleted or merged)");
    const partners = formPartners(binding.actorId, survey.rosterIds, ties, own).flatMap(({ partnerId, ...row }) => {
      const partner = actors.get(partnerId);
      return partner ? [{ ...row, actor: partner }] : [];
    });
    const roster = [...actors.values()]
      .filter((other) => other.id !== binding.actorId)
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || compareIds(a.id, b.id));
    const submittedAt = own.reduce<Date | null>((latest, r) => (latest === null || r.submittedAt > latest ? r.submittedAt : latest), null);
    return { survey, actor, partners, roster, submittedAt };
  }

  /** Replaces the respondent's answers with these (all or nothing), then gives its form as stored. */
  async submit(binding: RespondentBinding, inputs: readonly RatingInput[], author: Author): Promise<RespondentFormData> {
    const survey = await this.require(binding.surveyId, 'surveyId');
    if (!isSurveyOpen(survey, author.at)) throw new InvalidInputError('surveyId', survey.id, 'is closed');
    const ratings = validateRatings(inputs, binding.actorId, new Set(survey.rosterIds), 'ratings');
    await this.store.surveys.replaceRatings(survey.id, binding.actorId, ratings, author.at, author);
    return this.form(binding);
  }
}

/** A CSV download: its file name and text. */
export interface CsvFile {
  readonly filename: string;
  readonly text: string;
}

/** The respondent form's address: the token in the fragment, so it never reaches a server log. */
export function respondentUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/?view=form#token=${encodeURIComponent(token)}`;
}
