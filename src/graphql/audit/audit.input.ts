import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { FIRST_DESCRIPTION } from '../common/page-info.type';

@InputType({ description: 'All given conditions must hold.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Changes to this actor, also as the target of a merge.' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Changes to this interaction.' })
  interactionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes made by this token name or `jwt:<subject>`.' })
  by?: string | null;

  @Field(() => Date, { nullable: true, description: 'Included lower bound of `at`.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Excluded upper bound of `at`.' })
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditFilter, { nullable: true })
  filter?: AuditFilter | null;

  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to start after.' })
  after?: string | null;
}
