import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { ErrorCode } from './errors';

/**
 * Refuses a subscription with BAD_REQUEST (HTTP 400) before execution: copnet's schema has no
 * Subscription type, and graphql-js answered one with an error of no code, which went out as
 * INTERNAL_SERVER_ERROR. Clients poll the queries instead (a series is cheap to ask again: the
 * response cache and the store revision).
 */
export function subscriptionRefusalPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (operation?.operation !== OperationTypeNode.SUBSCRIPTION || schema.getSubscriptionType()) return;
          throw new GraphQLError('Subscriptions are not supported: the schema has no Subscription type; send the query again instead', {
            extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
          });
        },
      };
    },
  };
}
