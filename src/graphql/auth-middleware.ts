import { defaultFieldResolver, GraphQLObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { requiredRoleForField, requiredRoleForNestedField, requireRole } from '../auth/policy';
import type { Role } from '../domain/access';
import type { RequestContext } from './context';

/**
 * Checks the caller's role before any root field resolves (src/auth/policy.ts says which):
 * refused fields resolve to an UNAUTHENTICATED or FORBIDDEN error and run nothing, so a
 * refused mutation writes nothing; the operation's other root fields still answer. Nested
 * fields are covered by their root field's check, so only root resolvers are wrapped (a
 * middleware around every field cost an extra promise on each field of every answer), and the
 * Actor fields a respondent link could reach through its form (policy.ts).
 * Changes the schema in place and returns it.
 */
export function authorizeRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) requireRoleFor(field, requiredRoleForField(type.name, field.name));
  }
  // A respondent link reaches Actors through myForm: their fields beyond the form's need a reader too.
  const actor = schema.getType('Actor');
  if (actor instanceof GraphQLObjectType) {
    for (const field of Object.values(actor.getFields())) requireRoleFor(field, requiredRoleForNestedField(actor.name, field.name));
  }
  return schema;
}

function requireRoleFor(field: GraphQLField<unknown, RequestContext>, needed: Role | null): void {
  if (needed === null) return;
  const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
  field.resolve = async (root, args, context: RequestContext, info) => {
    requireRole(await context.principal(), needed);
    return resolve(root, args, context, info);
  };
}
