import { Field, ID, ObjectType } from 'type-graphql';
import type { ActorKind } from '../../domain/actor';
import { ActorKindEnum } from '../common/enums';

@ObjectType({ description: 'An organisation in the network.' })
export class Actor {
  @Field(() => ID, { description: 'Stable id given by whoever recorded the actor, e.g. `nsi-baltimore`.' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => String, { nullable: true, description: 'Where the actor is, e.g. a US state code.' })
  region!: string | null;

  @Field(() => [String])
  tags!: readonly string[];

  @Field(() => ID, { nullable: true, description: 'Id of the intermediary a school belongs to (structural membership).' })
  affiliationId!: string | null;
}
