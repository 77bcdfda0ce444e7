import { Field, ObjectType } from 'type-graphql';
import type { Connection } from '../../services/connection';
import { PageInfo } from '../common/page-info.type';
import { Actor } from './actor.type';

@ObjectType()
export class ActorEdge {
  @Field()
  cursor!: string;

  @Field(() => Actor)
  node!: Actor;
}

@ObjectType({ description: 'A page of actors, ordered by id.' })
export class ActorConnection {
  @Field(() => [ActorEdge])
  edges!: readonly ActorEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Resolved by ActorConnectionResolver, so the count runs only when asked for. */
  source!: Connection<Actor>;
}
