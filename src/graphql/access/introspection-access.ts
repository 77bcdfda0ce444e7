import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { AccessError, CredentialRefusedError, TooManyFailuresError } from '../../auth/access-error';
import { requireRole } from '../../auth/policy';
import { StoreUnavailableError } from '../../domain/errors';
import type { RequestContext } from '../context';

/** The role introspection (`__schema`, `__type`) needs unless the schema is public. */
export const INTROSPECTION_ROLE = 'reader';

/**
 * Introspection needs a reader's credential, like every query (the schema says what data
 * there is); `COPNET_PUBLIC_SCHEMA=on` (`publicSchema`) opens it to anyone. `__typename`
 * stays free. Refused before anything runs: HTTP 401 UNAUTHENTICATED, or 403 FORBIDDEN.
 */
export function introspectionAccessPlugin(publicSchema: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      if (publicSchema) return;
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!asksForSchema(document)) return;
          try {
            requireRole(await contextValue.principal(), INTROSPECTION_ROLE);
          } catch (error) {
            const status = statusOf(error);
            if (status === null) throw error;
            // formatError (errors.ts) answers for the domain error inside.
            throw new GraphQLError((error as Error).message, { originalError: error as Error, extensions: { http: { status } } });
          }
        },
      };
    },
  };
}

/** Whether the document selects `__schema` or `__type` (they are valid on the query root only). */
export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function statusOf(error: unknown): number | null {
  if (error instanceof AccessError) return error.code === 'UNAUTHENTICATED' ? 401 : 403;
  if (error instanceof CredentialRefusedError) return 401;
  if (error instanceof TooManyFailuresError) return 429;
  if (error instanceof StoreUnavailableError) return 503;
  return null;
}
