import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { AuditAction, AuditSubject } from '../../domain/audit';
import { PageInfo } from '../common/page-info.type';
import { AuditActionEnum, AuditSubjectEnum } from '../access/role.enum';

@ObjectType({ description: 'One change, as the append-only audit log keeps it.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Entries are numbered in the order they were written.' })
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field({ description: 'Token name, `jwt:<subject>`, `cli` or `system`.' })
  by!: string;

  @Field(() => AuditActionEnum)
  action!: AuditAction;

  @Field(() => AuditSubjectEnum)
  subject!: AuditSubject;

  @Field({
    description:
      'The actor, interaction or survey id, the token name, or for an INTERACTION_BATCH its source (the import file, `api`, `demo`, `migration`, `unnamed`); its `after` lists the ids created.',
  })
  subjectId!: string;

  @Field(() => String, { nullable: true, description: 'For MERGE: the actor the subject was merged into; for SUBMIT: the respondent.' })
  relatedId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The values before the change; null for a creation or a restore.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The values after the change; null for a deletion.' })
  after!: unknown;

  @Field(() => String, { nullable: true, description: 'The reason a deletion gave.' })
  reason!: string | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEntry)
  node!: AuditEntry;
}

@ObjectType({ description: 'A page of the audit log, in the order written.' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges!: readonly AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
