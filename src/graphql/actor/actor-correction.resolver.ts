import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { Actor } from './actor.type';

@Resolver(() => Actor)
export class ActorCorrectionResolver {
  @Mutation(() => Actor, {
    description:
      'Merges a duplicate actor into the one it duplicates: its interactions, participations and affiliated actors move to the target, and its id becomes an alias of the target (later imports and mutations using it land on the target). Refused when the kinds differ unless allowKindChange. Returns the target.',
  })
  async mergeActors(
    @Arg('sourceId', () => ID, { description: 'The duplicate, which goes away.' }) sourceId: string,
    @Arg('targetId', () => ID, { description: 'The actor that stays.' }) targetId: string,
    @Arg('allowKindChange', { defaultValue: false }) allowKindChange: boolean,
    @Ctx() context: RequestContext,
  ): Promise<Actor> {
    return context.services.actors.mergeActors(sourceId, targetId, allowKindChange, await context.author());
  }

  @Mutation(() => Actor, {
    description: 'Deletes an actor that has no interactions and no affiliated actors (otherwise merge it). Returns it as it was.',
  })
  async deleteActor(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Actor> {
    return context.services.actors.deleteActor(id, await context.author());
  }
}
