import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { requiredRoleForField, requireRole } from '../auth/policy';
import type { RequestContext } from './context';

/**
 * Checks the caller's role before any root field resolves (src/auth/policy.ts says which):
 * refused fields resolve to an UNAUTHENTICATED or FORBIDDEN error and run nothing, so a
 * refused mutation writes nothing; the operation's other root fields still answer. Nested
 * fields are covered by their root field's check, so only root resolvers are wrapped (a
 * middleware around every field cost an extra promise on each field of every answer).
 * Changes the schema in place and returns it.
 */
export function authorizeRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const needed = requiredRoleForField(type.name, field.name);
      if (needed === null) continue;
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = async (root, args, context: RequestContext, info) => {
        requireRole(await context.principal(), needed);
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}
