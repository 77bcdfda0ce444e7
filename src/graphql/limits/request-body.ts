import { GraphQLError } from 'graphql';
import type { OperationLimits } from './operation-limits';
import { checkQueryText } from './query-text';
import { checkVariableLists } from './variable-lists';

/** What a GraphQL request's body (or its URL's `query` parameter) is: its parsed value, or the answer refusing it. */
export type BodyCheck =
  | { readonly kind: 'accepted'; readonly body: unknown }
  // `body`: what was parsed (undefined when it is not JSON), for the request log's operation name.
  | { readonly kind: 'refused'; readonly refusal: Refusal; readonly body?: unknown };

/** An HTTP answer refusing a request before graphql-js sees it. */
export interface Refusal {
  readonly status: number;
  readonly payload: { readonly errors: readonly { readonly message: string; readonly extensions: Record<string, unknown> }[] };
}

/**
 * Parses a GraphQL request's body and measures it before graphql-js spends anything on it: the
 * query text's tokens and nesting (query-text.ts), the variables' list lengths (variable-lists.ts).
 * `urlQuery` is the URL's `query` parameter, used when the body holds none (GET). Pure, so it runs
 * on the HTTP thread for small bodies and on a thread of its own for large ones (body-checker.ts).
 */
export function checkRequestBody(
  text: string,
  contentType: string | undefined,
  urlQuery: string | null,
  limits: OperationLimits,
): BodyCheck {
  let body: unknown;
  try {
    body = parseBody(text, contentType);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return refused(400, `Request body is not valid JSON: ${error.message}`, { code: 'BAD_REQUEST' });
  }
  const query = typeof body === 'object' && body !== null && 'query' in body ? body.query : urlQuery;
  try {
    if (typeof query === 'string') checkQueryText(query, limits);
    // Also when the query is absent: a persisted query's hash comes with variables of any size.
    if (typeof body === 'object' && body !== null && 'variables' in body) checkVariableLists(body.variables);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const { code, field, limit, actual } = error.extensions;
    return { ...refused(400, error.message, { code, field, limit, actual }), body };
  }
  return { kind: 'accepted', body };
}

export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  return contentType?.includes('application/json') ? JSON.parse(text) : text;
}

function refused(status: number, message: string, extensions: Record<string, unknown>): BodyCheck & { kind: 'refused' } {
  return { kind: 'refused', refusal: { status, payload: { errors: [{ message, extensions }] } } };
}
