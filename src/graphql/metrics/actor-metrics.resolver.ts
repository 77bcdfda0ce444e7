import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { findActorMetrics } from '../../metrics/actor-lookup';
import { Actor } from '../actor/actor.type';
import type { RequestContext } from '../context';
import { ScopeInput, SeriesInput, WindowInput } from './metrics.input';
import { ActorMetrics } from './network-snapshot.type';

@Resolver(() => ActorMetrics)
export class ActorMetricsResolver {
  @FieldResolver(() => Actor)
  async actor(@Root() metrics: ActorMetrics, @Ctx() { loaders }: RequestContext): Promise<Actor> {
    const actor = await loaders.actor.load(metrics.actorId);
    if (!actor) throw new Error(`Snapshot names actor ${metrics.actorId}, which the store does not have`);
    return actor;
  }
}

/** Actor.metrics: kept beside the other metrics resolvers, it reads a snapshot shared by the whole request. */
@Resolver(() => Actor)
export class ActorMetricsFieldResolver {
  @FieldResolver(() => ActorMetrics, {
    nullable: true,
    description:
      "This actor's metrics in a window; null when it has no tie there. Every actor of a request asking for the same window shares one computation.",
  })
  async metrics(
    @Root() actor: Actor,
    @Arg('window', () => WindowInput) window: WindowInput,
    @Arg('scope', () => ScopeInput, { nullable: true }) scope: ScopeInput | null,
    @Ctx() context: RequestContext,
  ): Promise<ActorMetrics | null> {
    return findActorMetrics(await context.snapshot(window, scope), actor.id);
  }

  @FieldResolver(() => [ActorMetrics], {
    nullable: 'items',
    description:
      "This actor's metrics in each window of a series, in order; null for a window where it has no tie. Served from the same cached snapshots as networkMetricSeries.",
  })
  async metricSeries(
    @Root() actor: Actor,
    @Arg('series', () => SeriesInput) series: SeriesInput,
    @Arg('scope', () => ScopeInput, { nullable: true }) scope: ScopeInput | null,
    @Ctx() context: RequestContext,
  ): Promise<(ActorMetrics | null)[]> {
    const { snapshots } = await context.series(series, scope);
    return snapshots.map((snapshot) => findActorMetrics(snapshot, actor.id));
  }
}
