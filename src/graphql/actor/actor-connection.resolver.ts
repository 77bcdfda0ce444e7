import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ActorConnection } from './actor-connection.type';

@Resolver(() => ActorConnection)
export class ActorConnectionResolver {
  @FieldResolver(() => Int, { description: 'Actors matching the filter, on all pages.' })
  totalCount(@Root() connection: ActorConnection): Promise<number> {
    return connection.source.totalCount();
  }
}
