import { Field, ObjectType } from 'type-graphql';
import type { Connection } from '../../services/connection';
import { PageInfo } from '../common/page-info.type';
import { Interaction } from './interaction.type';

@ObjectType()
export class InteractionEdge {
  @Field()
  cursor!: string;

  @Field(() => Interaction)
  node!: Interaction;
}

@ObjectType({ description: 'A page of interactions, ordered by occurredAt then id.' })
export class InteractionConnection {
  @Field(() => [InteractionEdge])
  edges!: readonly InteractionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Resolved by InteractionConnectionResolver, so the count runs only when asked for. */
  source!: Connection<Interaction>;
}
