import { Field, ID, InputType, Int } from 'type-graphql';
import type { ActorKind } from '../../domain/actor';
import { ActorKindEnum } from '../common/enums';
import { WindowInput } from '../metrics/metrics.input';

@InputType({ description: 'A survey to open: the roster is the actors of rosterKinds plus rosterIds (at least one actor), frozen now.' })
export class OpenSurveyInput {
  @Field()
  name!: string;

  @Field(() => WindowInput, { description: 'The interactions the survey is about (its forms are pre-filled from their ties).' })
  window!: WindowInput;

  @Field(() => [ActorKindEnum], { nullable: true, description: 'Every actor of these kinds is on the roster.' })
  rosterKinds?: ActorKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'These actors too.' })
  rosterIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'It closes by itself at this instant (in the future); null: when closed by hand.' })
  closesAt?: Date | null;
}

@InputType({ description: 'One answer about one partner. Items are 1–4, or null (not answered); items only when workedTogether.' })
export class RatingInput {
  @Field(() => ID, { description: 'A roster actor other than the respondent, at most once per submission.' })
  partnerId!: string;

  @Field()
  workedTogether!: boolean;

  @Field(() => Int, { nullable: true, description: 'Trust: how reliable the partner is.' })
  reliability?: number | null;

  @Field(() => Int, { nullable: true, description: 'Trust: openness to discussion.' })
  openness?: number | null;

  @Field(() => Int, { nullable: true, description: "Trust: support of the network's shared mission." })
  sharedMission?: number | null;

  @Field(() => Int, { nullable: true, description: 'Value: power and influence.' })
  influence?: number | null;

  @Field(() => Int, { nullable: true, description: 'Value: resources contributed.' })
  resources?: number | null;

  @Field(() => Int, { nullable: true, description: 'Value: level of involvement.' })
  involvement?: number | null;
}
