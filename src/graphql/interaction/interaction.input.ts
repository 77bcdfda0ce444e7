import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import type { InteractionKind } from '../../domain/interaction';
import { InteractionKindEnum } from '../common/enums';
import { FIRST_DESCRIPTION } from '../common/page-info.type';

@InputType({ description: 'An interaction to record.' })
export class InteractionInput {
  @Field(() => String, { nullable: true, description: 'Your own key: recording the same externalId twice returns the first record.' })
  externalId?: string | null;

  @Field(() => InteractionKindEnum)
  kind!: InteractionKind;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ID)
  initiatorId!: string;

  @Field(() => [ID], { description: 'One or more other actors; not the initiator.' })
  participantIds!: string[];

  @Field(() => Float, { nullable: true, description: 'Positive and finite; default 1.' })
  weight?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class InteractionFilter {
  @Field(() => Date, { nullable: true, description: 'Included lower bound of occurredAt.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Excluded upper bound of occurredAt.' })
  to?: Date | null;

  @Field(() => [InteractionKindEnum], { nullable: true, description: 'Any of these kinds.' })
  kinds?: InteractionKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Interactions this actor initiated or took part in.' })
  actorId?: string | null;
}

@ArgsType()
export class InteractionsArgs {
  @Field(() => InteractionFilter, { nullable: true })
  filter?: InteractionFilter | null;

  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to start after.' })
  after?: string | null;
}
