import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from '../errors';
import { copnetEstimator } from './cost-estimator';
import type { OperationLimits } from './operation-limits';

/** Variable sets remembered per document as within the limits. */
const MAX_REMEMBERED_VARIABLES = 100;

/** The most selections graphql-query-complexity walks (fragments spread many times count each time). */
const MAX_COSTED_NODES = 10_000;

/**
 * Refuses an operation that is too deep, has too many aliases or costs too much, after
 * parsing and validation and before any resolver runs, with QUERY_TOO_DEEP,
 * TOO_MANY_ALIASES or QUERY_TOO_COMPLEX (HTTP 400), a message giving the limit and the
 * operation's figure, and `extensions.limit` / `extensions.actual`.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  // Operations found within the limits, by parsed document (Apollo hands out the same DocumentNode for a query
  // text it has seen) and variables: walking them was about a fifth of a cached answer's time (bench:api).
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema, operationName }) {
          const variables = request.variables ?? {};
          const key = JSON.stringify([operationName ?? null, variables]);
          let seen = passed.get(document);
          if (seen?.has(key)) return;
          checkOperation(schema, document, variables, operationName ?? undefined, limits);
          if (!seen) passed.set(document, (seen = new Set()));
          if (seen.size >= MAX_REMEMBERED_VARIABLES) seen.clear();
          seen.add(key);
        },
      };
    },
  };
}

/** Throws the refusal, or returns the operation's cost. */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  limits: OperationLimits,
): number {
  let refusal: GraphQLError | undefined;
  const refuse = (code: string, what: string, limit: number) => (_context: unknown, error: GraphQLError) => {
    // graphql-armor reports "… limit of N exceeded, found M."; keep its figure.
    const actual = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
    refusal ??= limitError(code, `${what} ${actual} is over the limit of ${limit}`, limit, actual);
  };
  validate(schema, document, [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [refuse(ErrorCode.QUERY_TOO_DEEP, 'Query depth', limits.maxDepth)],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      // Its default lets any number of `__typename` aliases through; the limit is on every alias.
      allowList: [],
      propagateOnRejection: false,
      onReject: [refuse(ErrorCode.TOO_MANY_ALIASES, 'Aliases:', limits.maxAliases)],
    }),
  ]);
  if (refusal) throw refusal;

  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [copnetEstimator],
      maxQueryNodes: MAX_COSTED_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw limitError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `Query has more than ${MAX_COSTED_NODES} selections to cost; the limit is ${limits.maxCost}`,
        limits.maxCost,
        Infinity,
      );
    }
    // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT before any resolver.
    return 0;
  }
  if (cost > limits.maxCost) {
    throw limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `Query cost ${cost} is over the limit of ${limits.maxCost} (see the README: cost limits)`,
      limits.maxCost,
      cost,
    );
  }
  return cost;
}

function limitError(code: string, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, actual: Number.isFinite(actual) ? actual : null, http: { status: 400 } } });
}
