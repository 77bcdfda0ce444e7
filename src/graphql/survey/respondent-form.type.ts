import { Field, Int, ObjectType } from 'type-graphql';
import type { Survey as StoredSurvey } from '../../domain/survey';
import { Actor } from '../actor/actor.type';
import { RatingAnswers, Survey } from './survey.type';

@ObjectType({ description: "The respondent's stored answer about a partner." })
export class FormRating extends RatingAnswers {}

@ObjectType({ description: 'A partner the form lists.' })
export class FormPartner {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => Int, { description: "Interactions that tied the respondent and this partner in the survey's window (0 when untied)." })
  interactions!: number;

  @Field(() => FormRating, { nullable: true, description: "The respondent's stored answer; null before it answered about this partner." })
  rating!: FormRating | null;
}

@ObjectType({ description: "A respondent's form: whom it rates, pre-filled from the interaction log and its earlier answers." })
export class RespondentForm {
  @Field(() => Survey)
  survey!: StoredSurvey;

  @Field(() => Actor, { description: 'The respondent.' })
  actor!: Actor;

  @Field(() => [FormPartner], {
    description:
      "Every roster actor it had a tie with in the survey's window (default projection), most interactions first (then id), plus any roster actor it already rated.",
  })
  partners!: FormPartner[];

  @Field(() => [Actor], { description: 'Every roster actor but itself, by name: the form may add any of them as a partner.' })
  roster!: Actor[];

  @Field(() => Date, { nullable: true, description: 'When it last submitted; null before its first submission.' })
  submittedAt!: Date | null;
}
