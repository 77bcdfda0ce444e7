import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from '../graphql/context';
import { introspectionAccessPlugin } from '../graphql/access/introspection-access';
import { formatError, type ErrorLogger } from '../graphql/errors';
import { operationLimitsPlugin } from '../graphql/limits/limits-plugin';
import { responseCachePlugin } from '../graphql/response-cache';
import { subscriptionRefusalPlugin } from '../graphql/subscription-refusal';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../graphql/limits/operation-limits';

/**
 * Apollo Server over copnet's schema: introspection for readers (or anyone with a public schema), no stack traces out,
 * operation size limits, no cache hints, and (when asked) the response cache for repeated reads (src/graphql/response-cache.ts).
 * Its landing page (Apollo Sandbox, loaded from Apollo's CDN) is off: browsers get GraphiQL, bundled with the dashboard.
 */
export function createApolloServer(
  schema: GraphQLSchema,
  httpServer: Server,
  log: ErrorLogger,
  limits: OperationLimits = DEFAULT_OPERATION_LIMITS,
  options: { readonly responseCache?: boolean; readonly publicSchema?: boolean } = {},
): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema,
    // Introspection needs a reader unless COPNET_PUBLIC_SCHEMA=on (introspection-access.ts).
    introspection: true,
    // The HTTP layer measured the text already (query-text.ts); this bounds any other way in.
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    // copnet handles SIGTERM/SIGINT itself (src/cli/serve-command.ts): Apollo's own handlers would stop
    // it a second time and re-raise the signal, killing the process before the store is closed.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error, log),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        // Warnings a resolver noted (e.g. EXTERNAL_ID_DIFFERS) go out in extensions.warnings.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              if (contextValue.warnings.length === 0 || response.body.kind !== 'single') return;
              const result = response.body.singleResult;
              result.extensions = { ...result.extensions, warnings: contextValue.warnings };
            },
          };
        },
      },
      introspectionAccessPlugin(options.publicSchema ?? false),
      subscriptionRefusalPlugin(),
      operationLimitsPlugin(limits),
      // After the limits: an operation over them is refused before any cached answer is looked up.
      ...(options.responseCache === true ? [responseCachePlugin()] : []),
      ApolloServerPluginLandingPageDisabled(),
      // copnet sets no cache hints, and the plugin wraps every field's resolver to read them: a cost on every
      // field of every answer (bench:api's page of 100 interactions). Answers still say `cache-control: no-store`
      // (start-http-server.ts).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
