import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { COVERAGES, type Coverage } from '../../metrics/survey/coverage';
import { Actor } from '../actor/actor.type';
import { enumOf } from '../common/enums';

export const CoverageEnum = enumOf<Coverage>(COVERAGES);
registerEnumType(CoverageEnum, {
  name: 'Coverage',
  description: "How far a survey's figures can be read, from its response rate (the thresholds survey-based network studies use).",
  valuesConfig: {
    HIGH: { description: 'responseRate ≥ 0.8.' },
    DIRECTIONAL: { description: '0.65 ≤ responseRate < 0.8: read the figures as a direction, not a measurement.' },
    CAUTION: { description: 'responseRate < 0.65: too few answers to generalise.' },
  },
});

/**
 * A relationship survey (issue 23). The resolver's root is the stored survey
 * (src/domain/survey.ts); every other field is resolved in survey.resolver.ts. Definitions in
 * the README ("Surveys (trust and value)").
 */
@ObjectType({
  description:
    'A relationship survey about the interactions of `window`, after PARTNER CPRM: each roster actor rates each partner on three trust and three value items (1–4). A respondent link sees only id, name, window, closesAt, closedAt and isOpen. Definitions in the README (Surveys).',
})
export class Survey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Date, { nullable: true, description: 'The survey counts as closed from this instant; null: open until closed by hand.' })
  closesAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an admin closed it (closeSurvey); null while it has not been.' })
  closedAt!: Date | null;
}

@ObjectType({ description: 'The mean of each item over the ratings an actor received (answered items only); null when none.' })
export class ItemMeans {
  @Field(() => Float, { nullable: true })
  reliability!: number | null;

  @Field(() => Float, { nullable: true })
  openness!: number | null;

  @Field(() => Float, { nullable: true })
  sharedMission!: number | null;

  @Field(() => Float, { nullable: true })
  influence!: number | null;

  @Field(() => Float, { nullable: true })
  resources!: number | null;

  @Field(() => Float, { nullable: true })
  involvement!: number | null;
}

@ObjectType({
  description:
    "One roster actor's scores, from the ratings others gave it. For callers below admin, trustReceived, valueReceived and itemMeans are null unless raters ≥ 3 (privacy).",
})
export class SurveyActorScores {
  @Field(() => Actor)
  actor!: Actor;

  @Field({ description: 'It submitted at least one answer.' })
  responded!: boolean;

  @Field(() => Int, { description: 'Distinct respondents other than it whose trust or value for it is not null.' })
  raters!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of trust(A→it) over its raters with a trust score.' })
  trustReceived!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean of value(A→it) over its raters with a value score.' })
  valueReceived!: number | null;

  @Field(() => ItemMeans)
  itemMeans!: ItemMeans;
}

@ObjectType({ description: 'An unordered pair of actors, a.id < b.id.' })
export class ActorPair {
  @Field(() => Actor)
  a!: Actor;

  @Field(() => Actor)
  b!: Actor;
}

/** The answer fields a stored rating and the form's copy of it share (each item 1–4, null = not answered); not in the schema itself, since no field returns it. */
@ObjectType()
export class RatingAnswers {
  @Field()
  workedTogether!: boolean;

  @Field(() => Int, { nullable: true })
  reliability!: number | null;

  @Field(() => Int, { nullable: true })
  openness!: number | null;

  @Field(() => Int, { nullable: true })
  sharedMission!: number | null;

  @Field(() => Int, { nullable: true })
  influence!: number | null;

  @Field(() => Int, { nullable: true })
  resources!: number | null;

  @Field(() => Int, { nullable: true })
  involvement!: number | null;
}

@ObjectType({ description: "One respondent's answer about one partner (admin only: Survey.responses)." })
export class SurveyResponse extends RatingAnswers {
  @Field(() => Actor)
  respondent!: Actor;

  @Field(() => Actor)
  partner!: Actor;

  @Field(() => Date)
  submittedAt!: Date;
}
