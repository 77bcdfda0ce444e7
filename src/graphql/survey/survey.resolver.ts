import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ActorKind } from '../../domain/actor';
import { isSurveyOpen, type Survey as StoredSurvey } from '../../domain/survey';
import type { Coverage } from '../../metrics/survey/coverage';
import { withPrivacy, type SurveyScores } from '../../metrics/survey/survey-scores';
import { Actor } from '../actor/actor.type';
import { ActorKindEnum } from '../common/enums';
import type { RequestContext } from '../context';
import { Window } from '../metrics/network-snapshot.type';
import { RespondentLink } from './respondent-link.type';
import { requireAdmin, requireReader } from './survey-access';
import { OpenSurveyInput } from './survey.input';
import { ActorPair, CoverageEnum, Survey, SurveyActorScores, SurveyResponse } from './survey.type';

/** Surveys: thin over SurveyService; the access rule of each field is in survey-access.ts and src/auth/policy.ts. */
@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => [Survey], { description: 'Every survey, ordered by window (then id): trust and value across school years (reader).' })
  surveys(@Ctx() { services }: RequestContext): Promise<StoredSurvey[]> {
    return services.surveys.list();
  }

  @Query(() => Survey, { nullable: true, description: 'One survey by id; null when there is none (reader).' })
  survey(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<StoredSurvey | null> {
    return services.surveys.get(id);
  }

  @Mutation(() => Survey, { description: 'Opens a survey about the interactions of a window, for a roster frozen now (admin).' })
  async openSurvey(@Arg('input', () => OpenSurveyInput) input: OpenSurveyInput, @Ctx() context: RequestContext): Promise<StoredSurvey> {
    return context.services.surveys.open(input, await context.author());
  }

  @Mutation(() => Survey, { description: 'Closes a survey: its links stop working and no answers are taken (admin).' })
  async closeSurvey(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<StoredSurvey> {
    return context.services.surveys.close(id, await context.author());
  }

  @Mutation(() => [RespondentLink], {
    description:
      'One new respondent link per roster actor, by actor id; earlier links keep working until the survey closes. The tokens are shown this once (admin).',
  })
  async createRespondentLinks(@Arg('surveyId', () => ID) surveyId: string, @Ctx() context: RequestContext): Promise<RespondentLink[]> {
    const base = context.services.surveys.publicUrl ?? context.origin ?? 'http://localhost';
    return context.services.surveys.createLinks(surveyId, base, await context.author());
  }

  @FieldResolver(() => Window)
  window(@Root() survey: StoredSurvey): Window {
    return { from: survey.window.from, to: survey.window.to, label: null };
  }

  @FieldResolver(() => Boolean, { description: 'Not closed by hand, and before closesAt when it has one.' })
  isOpen(@Root() survey: StoredSurvey): boolean {
    return isSurveyOpen(survey, new Date());
  }

  @FieldResolver(() => [ActorKindEnum], { description: 'The kinds whose actors were put on the roster at opening.' })
  async rosterKinds(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<readonly ActorKind[]> {
    await requireReader(context);
    return survey.rosterKinds;
  }

  @FieldResolver(() => [Actor], { description: 'The roster, frozen at opening, by id.' })
  async roster(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<Actor[]> {
    await requireReader(context);
    return loadActors(context, survey.rosterIds);
  }

  @FieldResolver(() => Date)
  async openedAt(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<Date> {
    await requireReader(context);
    return survey.openedAt;
  }

  @FieldResolver(() => Int, { description: 'Actors on the roster.' })
  async rosterSize(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number> {
    return (await scoresOf(survey, context)).rosterSize;
  }

  @FieldResolver(() => Int, { description: 'Roster actors with at least one stored answer.' })
  async respondentCount(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number> {
    return (await scoresOf(survey, context)).respondentCount;
  }

  @FieldResolver(() => Float, { description: 'respondentCount / rosterSize.' })
  async responseRate(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number> {
    return (await scoresOf(survey, context)).responseRate;
  }

  @FieldResolver(() => CoverageEnum, { description: 'HIGH when responseRate ≥ 0.8, DIRECTIONAL when ≥ 0.65, CAUTION below.' })
  async coverage(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<Coverage> {
    return (await scoresOf(survey, context)).coverage;
  }

  @FieldResolver(() => Int, { description: 'Answers with workedTogether.' })
  async ratingCount(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number> {
    return (await scoresOf(survey, context)).ratingCount;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Mean of trust(A→B) over every rating with one: trust(A→B) is the mean of A's answered trust items for B.",
  })
  async networkTrust(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number | null> {
    return (await scoresOf(survey, context)).networkTrust;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Mean of value(A→B) over every rating with one: value(A→B) is the mean of A's answered value items for B.",
  })
  async networkValue(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number | null> {
    return (await scoresOf(survey, context)).networkValue;
  }

  @FieldResolver(() => [SurveyActorScores], { description: 'One per roster actor, by id (privacy rule: see SurveyActorScores).' })
  async actors(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<SurveyActorScores[]> {
    const scores = await scoresOf(survey, context);
    const actors = await loadActorMap(
      context,
      scores.actors.map((a) => a.actorId),
    );
    return scores.actors.flatMap(({ actorId, itemMeans, ...rest }) => {
      const actor = actors.get(actorId);
      return actor ? [{ ...rest, actor, itemMeans: { ...itemMeans } }] : [];
    });
  }

  @FieldResolver(() => Int, { description: "Ties of the window's network (default projection) with both ends on the roster." })
  async loggedTies(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number> {
    return (await scoresOf(survey, context)).loggedTies;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Of the logged ties with at least one responding end, the share that at least one responding end marked workedTogether; null when there are none.',
  })
  async confirmedShare(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number | null> {
    return (await scoresOf(survey, context)).confirmedShare;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Of the logged ties with both ends responding, the share both ends marked workedTogether; null when there are none.',
  })
  async mutuallyConfirmedShare(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number | null> {
    return (await scoresOf(survey, context)).mutuallyConfirmedShare;
  }

  @FieldResolver(() => Int, {
    description: 'Unordered pairs a respondent marked workedTogether with no logged tie: interactions the log is missing.',
  })
  async unloggedTieCount(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<number> {
    return (await scoresOf(survey, context)).unloggedTies.length;
  }

  @FieldResolver(() => [ActorPair], { description: 'Those pairs, by a then b (admin).' })
  async unloggedTies(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<ActorPair[]> {
    await requireAdmin(context);
    const { unloggedTies } = (await context.services.surveys.results(survey)).scores;
    const actors = await loadActorMap(
      context,
      unloggedTies.flatMap((pair) => [pair.a, pair.b]),
    );
    return unloggedTies.flatMap((pair) => {
      const a = actors.get(pair.a);
      const b = actors.get(pair.b);
      return a && b ? [{ a, b }] : [];
    });
  }

  @FieldResolver(() => [SurveyResponse], { description: 'Every stored answer, by respondent then partner id (admin).' })
  async responses(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<SurveyResponse[]> {
    await requireAdmin(context);
    const { ratings } = await context.services.surveys.results(survey);
    const actors = await loadActorMap(
      context,
      ratings.flatMap((r) => [r.respondentId, r.partnerId]),
    );
    return ratings.flatMap(({ respondentId, partnerId, ...answer }) => {
      const respondent = actors.get(respondentId);
      const partner = actors.get(partnerId);
      return respondent && partner ? [{ ...answer, respondent, partner }] : [];
    });
  }

  @FieldResolver(() => String, { description: 'Where an admin downloads the links CSV (actor_id,actor_name,url): new links each time.' })
  async linksCsvUrl(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<string> {
    await requireReader(context);
    return `/export/survey-links?id=${encodeURIComponent(survey.id)}`;
  }

  @FieldResolver(() => String, {
    description: 'The per-actor scores as CSV (privacy rule applied below admin; admins may add &ratings=1).',
  })
  async exportUrl(@Root() survey: StoredSurvey, @Ctx() context: RequestContext): Promise<string> {
    await requireReader(context);
    return `/export/survey?id=${encodeURIComponent(survey.id)}`;
  }
}

/** The caller's view of the scores: in full for admins, with the privacy rule applied below. */
async function scoresOf(survey: StoredSurvey, context: RequestContext): Promise<SurveyScores> {
  const principal = await requireReader(context);
  const { scores } = await context.services.surveys.results(survey);
  return principal.role === 'admin' ? scores : withPrivacy(scores);
}

async function loadActorMap(context: RequestContext, ids: readonly string[]): Promise<Map<string, Actor>> {
  const unique = [...new Set(ids)];
  const found = await context.loaders.actor.loadMany(unique);
  const actors = new Map<string, Actor>();
  found.forEach((actor, i) => {
    if (actor instanceof Error) throw actor;
    if (actor) actors.set(unique[i]!, actor);
  });
  return actors;
}

async function loadActors(context: RequestContext, ids: readonly string[]): Promise<Actor[]> {
  const actors = await loadActorMap(context, ids);
  return ids.flatMap((id) => actors.get(id) ?? []);
}
