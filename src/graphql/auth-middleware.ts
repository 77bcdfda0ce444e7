import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldMap, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
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
    if (type) requireRoles(fieldsOf(type), (name) => requiredRoleForField(type.name, name));
  }
  // A respondent link reaches Actors through myForm: their fields beyond the form's need a reader too.
  const actor = schema.getType('Actor');
  if (actor instanceof GraphQLObjectType) requireRoles(fieldsOf(actor), (name) => requiredRoleForNestedField(actor.name, name));
  return schema;
}

/** graphql-js types a field's parent and context as any; copnet's resolvers all take a RequestContext. */
function fieldsOf(type: GraphQLObjectType): GraphQLFieldMap<unknown, RequestContext> {
  return type.getFields() as GraphQLFieldMap<unknown, RequestContext>;
}

/** Wraps each field's resolver with the role check `roleOf` names for it (none when null). */
function requireRoles(fields: GraphQLFieldMap<unknown, RequestContext>, roleOf: (fieldName: string) => Role | null): void {
  for (const field of Object.values(fields)) {
    const needed = roleOf(field.name);
    if (needed === null) continue;
    const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (root, args, context: RequestContext, info) => {
      requireRole(await context.principal(), needed);
      return resolve(root, args, context, info);
    };
  }
}
