import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../services/connection';
import { Actor } from '../actor/actor.type';
import { pageInfoOf } from '../common/page-info.type';
import type { RequestContext } from '../context';
import { InteractionConnection } from './interaction-connection.type';
import { InteractionInput, InteractionsArgs } from './interaction.input';
import { Interaction } from './interaction.type';

@Resolver(() => Interaction)
export class InteractionResolver {
  @Query(() => InteractionConnection, { description: 'Interactions ordered by occurredAt then id, filtered and paged.' })
  async interactions(
    @Args(() => InteractionsArgs) { filter, first, after }: InteractionsArgs,
    @Ctx() { services }: RequestContext,
  ): Promise<InteractionConnection> {
    const resolved = await services.interactions.resolveFilterActor(filter ?? {});
    return toInteractionConnection(await services.interactions.listInteractions(resolved, first, after));
  }

  @Mutation(() => [Interaction], {
    description:
      'Records interactions, all or nothing; at most 500 per call. An externalId already recorded returns the stored interaction instead of a duplicate; when what was sent differs from it, the response carries a warning (extensions.warnings, code EXTERNAL_ID_DIFFERS), and when the stored one is deleted, a warning EXTERNAL_ID_DELETED (it stays deleted; nothing is recorded). Results are in input order.',
  })
  async recordInteractions(
    @Arg('interactions', () => [InteractionInput]) interactions: InteractionInput[],
    @Ctx() context: RequestContext,
  ): Promise<Interaction[]> {
    const recorded = await context.services.interactions.recordInteractions(interactions, await context.author());
    recorded.forEach((r, i) => {
      if (r.deleted) {
        context.warnings.push({
          code: 'EXTERNAL_ID_DELETED',
          message: `interactions[${i}]: externalId ${JSON.stringify(r.interaction.externalId)} is a deleted interaction's (${r.interaction.id}); nothing was recorded and it stays deleted (restore it with restoreInteractions, or send another externalId)`,
          field: `interactions[${i}]`,
          id: r.interaction.id,
        });
        return;
      }
      if (!r.differs) return;
      context.warnings.push({
        code: 'EXTERNAL_ID_DIFFERS',
        message: `interactions[${i}]: externalId ${JSON.stringify(r.interaction.externalId)} is already recorded with different data; the stored interaction ${r.interaction.id} is kept and returned (correct it with updateInteraction)`,
        field: `interactions[${i}]`,
        id: r.interaction.id,
      });
    });
    return recorded.map((r) => r.interaction);
  }

  @FieldResolver(() => Actor)
  async initiator(@Root() interaction: Interaction, @Ctx() { loaders }: RequestContext): Promise<Actor> {
    return required(await loaders.actor.load(interaction.initiatorId), interaction.initiatorId);
  }

  @FieldResolver(() => [Actor])
  async participants(@Root() interaction: Interaction, @Ctx() { loaders }: RequestContext): Promise<Actor[]> {
    const actors = await loaders.actor.loadMany(interaction.participantIds);
    return actors.map((actor, i) => {
      if (actor instanceof Error) throw actor;
      return required(actor, interaction.participantIds[i]!);
    });
  }
}

export function toInteractionConnection(connection: Connection<Interaction>): InteractionConnection {
  return { edges: connection.edges, pageInfo: pageInfoOf(connection), source: connection };
}

/** The store keeps referential integrity, so a missing actor here is a bug, not bad input. */
function required(actor: Actor | null, id: string): Actor {
  if (!actor) throw new Error(`Interaction refers to actor ${id}, which the store does not have`);
  return actor;
}
