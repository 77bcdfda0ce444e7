import { roleAllows, type Role } from '../domain/access';
import { AccessError } from './access-error';
import type { Principal } from './principal';

/**
 * Who may do what, in one place. Every query and export needs a reader, every mutation a
 * writer, unless listed here as needing an admin or a respondent; /health needs nothing. New
 * fields are therefore closed to anonymous callers (and to respondent links) by default.
 */
const ADMIN_FIELDS: Readonly<Record<'Query' | 'Mutation', ReadonlySet<string>>> = {
  Query: new Set(['auditLog', 'apiTokens']),
  Mutation: new Set(['createToken', 'revokeToken', 'openSurvey', 'closeSurvey', 'createRespondentLinks']),
};

/**
 * Root fields only a survey respondent link may use (issue 23): its own form and answers. A
 * respondent may use nothing else (roleAllows), and no other role may use these.
 */
const RESPONDENT_FIELDS: Readonly<Record<'Query' | 'Mutation', ReadonlySet<string>>> = {
  Query: new Set(['myForm']),
  Mutation: new Set(['submitRatings']),
};

/**
 * The fields of an Actor a respondent link may read: its form lists roster actors by these. The
 * others (interactions, metrics, who recorded it) need a reader: they are reachable through
 * myForm, below the root field's check, so they are checked where they resolve (auth-middleware.ts).
 */
const RESPONDENT_ACTOR_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'kind', 'region', 'tags', 'affiliationId', 'affiliation']);

/** The role a nested field needs beyond its root field's (an Actor's reach below myForm); null when the root's check covers it. */
export function requiredRoleForNestedField(parentType: string, fieldName: string): Role | null {
  return parentType === 'Actor' && !RESPONDENT_ACTOR_FIELDS.has(fieldName) ? 'reader' : null;
}

/** The role a root field of the GraphQL schema needs; null for fields of other types. */
export function requiredRoleForField(parentType: string, fieldName: string): Role | null {
  if (parentType === 'Query') {
    if (RESPONDENT_FIELDS.Query.has(fieldName)) return 'respondent';
    return ADMIN_FIELDS.Query.has(fieldName) ? 'admin' : 'reader';
  }
  if (parentType === 'Mutation') {
    if (RESPONDENT_FIELDS.Mutation.has(fieldName)) return 'respondent';
    return ADMIN_FIELDS.Mutation.has(fieldName) ? 'admin' : 'writer';
  }
  return null;
}

/** Exports are read access. */
export const EXPORT_ROLE: Role = 'reader';

/** Throws AccessError unless the principal holds `needed` (or a higher role). */
export function requireRole(principal: Principal | null, needed: Role): Principal {
  if (principal === null) throw new AccessError('UNAUTHENTICATED', needed);
  if (!roleAllows(principal.role, needed)) throw new AccessError('FORBIDDEN', needed, principal.role);
  return principal;
}
