import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { InteractionConnection } from './interaction-connection.type';

@Resolver(() => InteractionConnection)
export class InteractionConnectionResolver {
  @FieldResolver(() => Int, { description: 'Interactions matching the filter, on all pages.' })
  totalCount(@Root() connection: InteractionConnection): Promise<number> {
    return connection.source.totalCount();
  }
}
