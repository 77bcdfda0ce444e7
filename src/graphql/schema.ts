import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiTokenResolver } from './access/api-token.resolver';
import { ActorCorrectionResolver } from './actor/actor-correction.resolver';
import { ActorConnectionResolver } from './actor/actor-connection.resolver';
import { ActorResolver } from './actor/actor.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { ActorStampResolver, InteractionStampResolver } from './audit/stamp.resolver';
import { authorizeRootFields } from './auth-middleware';
import { DateTimeScalar } from './common/date-time.scalar';
import { InteractionConnectionResolver } from './interaction/interaction-connection.resolver';
import { InteractionCorrectionResolver } from './interaction/interaction-correction.resolver';
import { InteractionResolver } from './interaction/interaction.resolver';
import { ActorMetricsFieldResolver, ActorMetricsResolver } from './metrics/actor-metrics.resolver';
import { IntroductionResolver } from './metrics/introduction.resolver';
import { NetworkSeriesResolver } from './metrics/network-series.resolver';
import { NetworkSnapshotResolver } from './metrics/network-snapshot.resolver';
import { RespondentFormResolver } from './survey/respondent-form.resolver';
import { SurveyResolver } from './survey/survey.resolver';

export async function buildCopnetSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      ActorResolver,
      ActorConnectionResolver,
      InteractionResolver,
      InteractionConnectionResolver,
      NetworkSnapshotResolver,
      NetworkSeriesResolver,
      ActorMetricsResolver,
      ActorMetricsFieldResolver,
      IntroductionResolver,
      // Issue 10: access, audit trail, corrections
      ApiTokenResolver,
      AuditResolver,
      ActorStampResolver,
      InteractionStampResolver,
      InteractionCorrectionResolver,
      ActorCorrectionResolver,
      // Issue 23: relationship surveys
      SurveyResolver,
      RespondentFormResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  // Role checks on root fields only, once each per operation (not a global middleware around every field).
  return authorizeRootFields(schema);
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printCopnetSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
