import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ActorKind } from '../../domain/actor';
import { MAX_PAGE_SIZE } from '../../domain/page';
import { Actor } from '../actor/actor.type';
import { ActorKindEnum } from '../common/enums';
import type { RequestContext } from '../context';
import { ScopeInput, WindowInput } from './metrics.input';
import { Introduction } from './network-snapshot.type';

@ArgsType()
class SuggestedIntroductionsArgs {
  @Field(() => ID, { description: 'The actor looking for introductions.' })
  actorId!: string;

  @Field(() => WindowInput)
  window!: WindowInput;

  @Field(() => ScopeInput, { nullable: true })
  scope?: ScopeInput | null;

  @Field(() => [ActorKindEnum], { nullable: true, description: "Kinds of actor to suggest; default the actor's own kind." })
  candidateKinds?: ActorKind[] | null;

  @Field(() => Int, { defaultValue: 10, description: `How many: default 10, at most ${MAX_PAGE_SIZE}.` })
  first!: number;
}

@Resolver(() => Introduction)
export class IntroductionResolver {
  @Query(() => [Introduction], {
    description:
      "Who an actor should meet next: the window's actors not tied to it there, of candidateKinds (default its own kind), with at least one common partner, ranked by the Adamic–Adar index, highest first, then by id. Empty for an actor without ties in the window; BAD_USER_INPUT for an unknown actorId.",
  })
  suggestedIntroductions(
    @Args(() => SuggestedIntroductionsArgs) { actorId, window, scope, candidateKinds, first }: SuggestedIntroductionsArgs,
    @Ctx() { services }: RequestContext,
  ): Promise<Introduction[]> {
    const { coParticipationLimit, ...kinds } = scope ?? {};
    return services.metrics.introductions(actorId, window, kinds, { coParticipationLimit }, candidateKinds ?? null, first, MAX_PAGE_SIZE);
  }

  @FieldResolver(() => Actor)
  async actor(@Root() introduction: Introduction, @Ctx() { loaders }: RequestContext): Promise<Actor> {
    const actor = await loaders.actor.load(introduction.actorId);
    if (!actor) throw new Error(`Snapshot names actor ${introduction.actorId}, which the store does not have`);
    return actor;
  }
}
