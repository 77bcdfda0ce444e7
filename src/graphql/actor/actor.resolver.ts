import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InvalidInputError } from '../../domain/errors';
import { pageInfoOf } from '../common/page-info.type';
import type { RequestContext } from '../context';
import { InteractionConnection } from '../interaction/interaction-connection.type';
import { InteractionsArgs } from '../interaction/interaction.input';
import { toInteractionConnection } from '../interaction/interaction.resolver';
import { ActorConnection } from './actor-connection.type';
import { ActorInput, ActorsArgs } from './actor.input';
import { Actor } from './actor.type';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: 'One actor by id; null when there is none.' })
  actor(@Arg('id', () => ID) id: string, @Ctx() { loaders }: RequestContext): Promise<Actor | null> {
    return loaders.actor.load(id);
  }

  @Query(() => ActorConnection, { description: 'Actors ordered by id, filtered and paged.' })
  async actors(
    @Args(() => ActorsArgs) { filter, first, after }: ActorsArgs,
    @Ctx() { services }: RequestContext,
  ): Promise<ActorConnection> {
    const connection = await services.actors.listActors(filter ?? {}, first, after);
    return { edges: connection.edges, pageInfo: pageInfoOf(connection), source: connection };
  }

  @Mutation(() => [Actor], {
    description:
      'Creates or replaces actors by id, all or nothing; at most 500 per call. Returns them as stored, in input order. A row under the id of a merged actor is not written (its result is the actor it was merged into), and a new actor named as another is written; both come with a warning (extensions.warnings, codes MERGED_ACTOR_ID and SAME_NAME_AS_ACTOR).',
  })
  async upsertActors(@Arg('actors', () => [ActorInput]) actors: ActorInput[], @Ctx() context: RequestContext): Promise<Actor[]> {
    const upserted = await context.services.actors.upsertActors(actors, await context.author());
    context.warnings.push(...upserted.warnings.map((warning) => ({ ...warning })));
    return upserted.actors;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The intermediary this actor (a school) belongs to.' })
  affiliation(@Root() actor: Actor, @Ctx() { loaders }: RequestContext): Promise<Actor | null> | null {
    return actor.affiliationId === null ? null : loaders.actor.load(actor.affiliationId);
  }

  @FieldResolver(() => InteractionConnection, {
    description: 'Interactions this actor initiated or took part in, ordered by occurredAt then id.',
  })
  async interactions(
    @Root() actor: Actor,
    @Args(() => InteractionsArgs) { filter, first, after }: InteractionsArgs,
    @Ctx() { services }: RequestContext,
  ): Promise<InteractionConnection> {
    if (filter?.actorId && filter.actorId !== actor.id) {
      throw new InvalidInputError(
        'filter.actorId',
        filter.actorId,
        `differs from this actor (${actor.id}); use Query.interactions to filter by another actor`,
      );
    }
    return toInteractionConnection(await services.interactions.listInteractions({ ...filter, actorId: actor.id }, first, after));
  }
}
