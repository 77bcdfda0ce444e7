import type { MiddlewareFn } from 'type-graphql';
import { requiredRoleForField, requireRole } from '../auth/policy';
import type { RequestContext } from './context';

/**
 * Checks the caller's role before any root field resolves (src/auth/policy.ts says which):
 * refused fields resolve to an UNAUTHENTICATED or FORBIDDEN error and run nothing, so a
 * refused mutation writes nothing. Nested fields are covered by their root field's check.
 */
export const authorize: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const needed = requiredRoleForField(info.parentType.name, info.fieldName);
  if (needed !== null) requireRole(await context.principal(), needed);
  return (await next()) as unknown;
};
