import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { InvalidInputError } from '../../domain/errors';
import { MAX_PAGE_SIZE } from '../../domain/page';
import { topActors } from '../../metrics/actor-lookup';
import { isSeriesFormat } from '../../export/export-format';
import { Actor } from '../actor/actor.type';
import type { RequestContext } from '../context';
import { ScopeInput, SeriesInput, WindowInput } from './metrics.input';
import { ExportFormatEnum, exportPath, toExportFormat, type ExportFormatName } from './export-path';
import {
  ACTOR_METRIC_FIELD,
  ActorMetricEnum,
  ActorMetrics,
  NetworkSeries,
  NetworkSnapshot,
  toSnapshotType,
  type ActorMetricName,
} from './network-snapshot.type';

@ArgsType()
class TopActorsArgs {
  @Field(() => ActorMetricEnum, { defaultValue: 'BETWEENNESS' })
  orderBy!: ActorMetricName;

  @Field(() => Int, { defaultValue: 10, description: `How many actors: default 10, at most ${MAX_PAGE_SIZE}.` })
  first!: number;
}

@Resolver(() => NetworkSnapshot)
export class NetworkSnapshotResolver {
  @Query(() => NetworkSnapshot, {
    description:
      'The tie network of one window [from, to) and its figures. A window or scope that selects nothing gives zeros and no actors.',
  })
  async networkMetrics(
    @Arg('window', () => WindowInput) window: WindowInput,
    @Arg('scope', () => ScopeInput, { nullable: true }) scope: ScopeInput | null,
    @Ctx() context: RequestContext,
  ): Promise<NetworkSnapshot> {
    return toSnapshotType(await context.snapshot(window, scope), null, scope ?? {});
  }

  @Query(() => NetworkSeries, {
    description: 'Snapshots of a series of windows and the trend across them; computed snapshots are cached until the next write.',
  })
  async networkMetricSeries(
    @Arg('series', () => SeriesInput) series: SeriesInput,
    @Arg('scope', () => ScopeInput, { nullable: true }) scope: ScopeInput | null,
    @Ctx() { services, signal }: RequestContext,
  ): Promise<NetworkSeries> {
    const { coParticipationLimit, approximateBetweenness, ...kinds } = scope ?? {};
    const result = await services.metrics.series(series, kinds, { coParticipationLimit, approximateBetweenness }, signal);
    return {
      series,
      scope: scope ?? {},
      snapshots: result.snapshots.map((snapshot, i) => toSnapshotType(snapshot, result.windows[i]?.label ?? null, scope ?? {})),
      trend: result.trend,
      tieChanges: result.tieChanges.map(({ window, ...change }) => ({
        ...change,
        window: { from: window.from, to: window.to, label: window.label },
      })),
    };
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'The actor with the most ties (ties broken by smallest id); null for an empty network.',
  })
  hub(@Root() { snapshot }: NetworkSnapshot, @Ctx() { loaders }: RequestContext): Promise<Actor | null> | null {
    return snapshot.hubId === null ? null : loaders.actor.load(snapshot.hubId);
  }

  @FieldResolver(() => [ActorMetrics], { description: 'Actors of the window ordered by a metric, highest first.' })
  actors(@Root() { snapshot }: NetworkSnapshot, @Args(() => TopActorsArgs) { orderBy, first }: TopActorsArgs): ActorMetrics[] {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw new InvalidInputError('first', first, `must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
    }
    return topActors(snapshot, ACTOR_METRIC_FIELD[orderBy], first);
  }

  @FieldResolver(() => String, {
    description: "Where to download this window's network: a path on this server, e.g. /export/gexf?from=…&to=….",
  })
  exportUrl(
    @Root() { snapshot, scope }: NetworkSnapshot,
    @Arg('format', () => ExportFormatEnum, { defaultValue: 'GEXF' }) format: ExportFormatName,
  ): string {
    const exportFormat = toExportFormat(format);
    if (isSeriesFormat(exportFormat)) {
      throw new InvalidInputError('format', format, 'is a series format: ask NetworkSeries.exportUrl for it');
    }
    return exportPath(exportFormat, snapshot.window, scope);
  }
}
