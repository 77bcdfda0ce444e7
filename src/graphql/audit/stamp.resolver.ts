import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor/actor.type';
import type { RequestContext } from '../context';
import { Interaction } from '../interaction/interaction.type';

const RECORDED_BY = 'Who recorded it: a token name or `jwt:<subject>`; null for data older than the audit trail.';

/** Who recorded and last changed an interaction, loaded in one batch per request. */
@Resolver(() => Interaction)
export class InteractionStampResolver {
  @FieldResolver(() => String, { nullable: true, description: RECORDED_BY })
  async recordedBy(@Root() interaction: Interaction, @Ctx() { loaders }: RequestContext): Promise<string | null> {
    return (await loaders.interactionStamp.load(interaction.id))?.recordedBy ?? null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async recordedAt(@Root() interaction: Interaction, @Ctx() { loaders }: RequestContext): Promise<Date | null> {
    return (await loaders.interactionStamp.load(interaction.id))?.recordedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who changed it last; null if never changed.' })
  async updatedBy(@Root() interaction: Interaction, @Ctx() { loaders }: RequestContext): Promise<string | null> {
    return (await loaders.interactionStamp.load(interaction.id))?.updatedBy ?? null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async updatedAt(@Root() interaction: Interaction, @Ctx() { loaders }: RequestContext): Promise<Date | null> {
    return (await loaders.interactionStamp.load(interaction.id))?.updatedAt ?? null;
  }
}

/** Who recorded and last changed an actor. */
@Resolver(() => Actor)
export class ActorStampResolver {
  @FieldResolver(() => String, { nullable: true, description: RECORDED_BY })
  async recordedBy(@Root() actor: Actor, @Ctx() { loaders }: RequestContext): Promise<string | null> {
    return (await loaders.actorStamp.load(actor.id))?.recordedBy ?? null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async recordedAt(@Root() actor: Actor, @Ctx() { loaders }: RequestContext): Promise<Date | null> {
    return (await loaders.actorStamp.load(actor.id))?.recordedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who changed it last; null if never changed.' })
  async updatedBy(@Root() actor: Actor, @Ctx() { loaders }: RequestContext): Promise<string | null> {
    return (await loaders.actorStamp.load(actor.id))?.updatedBy ?? null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async updatedAt(@Root() actor: Actor, @Ctx() { loaders }: RequestContext): Promise<Date | null> {
    return (await loaders.actorStamp.load(actor.id))?.updatedAt ?? null;
  }
}
