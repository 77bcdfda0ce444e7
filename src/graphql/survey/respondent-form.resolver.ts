import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RespondentFormData } from '../../services/survey-service';
import type { RequestContext } from '../context';
import { RespondentForm } from './respondent-form.type';
import { respondentOf } from './survey-access';
import { RatingInput } from './survey.input';

/** The respondent's own form (respondent links only: src/auth/policy.ts). */
@Resolver(() => RespondentForm)
export class RespondentFormResolver {
  @Query(() => RespondentForm, { description: "The calling respondent link's form: its survey, itself, its partners (respondent)." })
  async myForm(@Ctx() context: RequestContext): Promise<RespondentFormData> {
    return context.services.surveys.form(await respondentOf(context));
  }

  @Mutation(() => RespondentForm, {
    description:
      "Replaces the respondent's answers with these, all or nothing; it may come back and change them until the survey closes (respondent). Returns the form as stored.",
  })
  async submitRatings(
    @Arg('ratings', () => [RatingInput]) ratings: RatingInput[],
    @Ctx() context: RequestContext,
  ): Promise<RespondentFormData> {
    const binding = await respondentOf(context);
    return context.services.surveys.submit(binding, ratings, await context.author());
  }
}
