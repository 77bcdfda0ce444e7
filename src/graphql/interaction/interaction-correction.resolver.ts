import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { InteractionPatch } from '../../domain/correction';
import type { RequestContext } from '../context';
import { InteractionPatchInput } from './interaction-correction.input';
import { Interaction } from './interaction.type';

/** Corrections: each all or nothing, logged in the audit trail, and recomputing cached metrics. */
@Resolver(() => Interaction)
export class InteractionCorrectionResolver {
  @Mutation(() => Interaction, {
    description: 'Corrects an interaction (kind, occurredAt, initiator, participants, weight, note), validated like a new one.',
  })
  async updateInteraction(
    @Arg('id', () => ID) id: string,
    @Arg('patch', () => InteractionPatchInput) patch: InteractionPatchInput,
    @Ctx() context: RequestContext,
  ): Promise<Interaction> {
    return context.services.interactions.updateInteraction(id, withoutUndefined(patch), await context.author());
  }

  @Mutation(() => [Interaction], {
    description:
      'Deletes interactions softly: they leave every list, metric and export, and restoreInteractions brings them back. Returns them as they were.',
  })
  async deleteInteractions(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('reason', { description: 'Why, for the audit log.' }) reason: string,
    @Ctx() context: RequestContext,
  ): Promise<Interaction[]> {
    return context.services.interactions.deleteInteractions(ids, reason, await context.author());
  }

  @Mutation(() => [Interaction], { description: 'Brings deleted interactions back exactly as they were.' })
  async restoreInteractions(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: RequestContext): Promise<Interaction[]> {
    return context.services.interactions.restoreInteractions(ids, await context.author());
  }
}

/** type-graphql gives absent input fields as undefined properties; a patch keeps only the fields sent. */
function withoutUndefined(patch: InteractionPatchInput): InteractionPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
