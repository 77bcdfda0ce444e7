import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { ActorKind } from '../../domain/actor';
import { ActorKindEnum } from '../common/enums';
import { FIRST_DESCRIPTION } from '../common/page-info.type';

@InputType({ description: 'An actor to create, or to replace when its id exists.' })
export class ActorInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'An existing actor, or one in the same batch.' })
  affiliationId?: string | null;
}

@InputType({ description: 'All given conditions must hold.' })
export class ActorFilter {
  @Field(() => [ActorKindEnum], { nullable: true, description: 'Any of these kinds.' })
  kinds?: ActorKind[] | null;

  @Field(() => String, { nullable: true, description: 'Exact region, e.g. `MD`.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Actors carrying this tag.' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  search?: string | null;
}

@ArgsType()
export class ActorsArgs {
  @Field(() => ActorFilter, { nullable: true })
  filter?: ActorFilter | null;

  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to start after.' })
  after?: string | null;
}
