import { Field, Float, ID, InputType } from 'type-graphql';
import type { InteractionKind } from '../../domain/interaction';
import { InteractionKindEnum } from '../common/enums';

@InputType({ description: 'The fields of an interaction to correct; absent fields keep their value. Checked like a new interaction.' })
export class InteractionPatchInput {
  @Field(() => InteractionKindEnum, { nullable: true })
  kind?: InteractionKind | null;

  @Field(() => Date, { nullable: true })
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true })
  initiatorId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the whole list.' })
  participantIds?: string[] | null;

  @Field(() => Float, { nullable: true })
  weight?: number | null;

  @Field(() => String, { nullable: true, description: 'null or "" clears the note.' })
  note?: string | null;
}
