import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AUDIT_ORDERS, DEFAULT_AUDIT_ORDER, type AuditOrder } from '../../domain/audit';
import { enumOf } from '../common/enums';
import { FIRST_DESCRIPTION } from '../common/page-info.type';

@InputType({ description: 'All given conditions must hold.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Changes to this actor, also as the target of a merge.' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Changes to this interaction, and the INTERACTION_BATCH entry that recorded it.' })
  interactionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes made by this token name or `jwt:<subject>`.' })
  by?: string | null;

  @Field(() => Date, { nullable: true, description: 'Included lower bound of `at`.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Excluded upper bound of `at`.' })
  to?: Date | null;
}

export const AuditOrderEnum = enumOf<AuditOrder>(AUDIT_ORDERS);
registerEnumType(AuditOrderEnum, {
  name: 'AuditOrder',
  description: 'The order of audit entries.',
  valuesConfig: {
    OLDEST_FIRST: { description: 'As written (the default): for tools that follow the log from a cursor.' },
    NEWEST_FIRST: { description: 'Latest change first: for a person reading what happened lately.' },
  },
});

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditFilter, { nullable: true })
  filter?: AuditFilter | null;

  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to start after.' })
  after?: string | null;

  @Field(() => AuditOrderEnum, { defaultValue: DEFAULT_AUDIT_ORDER, description: 'OLDEST_FIRST (as written) unless told NEWEST_FIRST.' })
  order!: AuditOrder;
}
