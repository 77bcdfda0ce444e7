import { GraphQLError } from 'graphql';
import type { OperationLimits } from './operation-limits';
import { ErrorCode } from '../errors';
import { checkPersistedQuery } from './persisted-query';
import { checkQueryText } from './query-text';
import { checkVariableLists } from './variable-lists';

/** A GET request's GraphQL parameters, as its URL spells them (null where absent). */
export interface UrlParameters {
  readonly query: string | null;
  readonly variables: string | null;
  readonly extensions: string | null;
}

export function urlParametersOf(url: URL): UrlParameters {
  const { searchParams } = url;
  return { query: searchParams.get('query'), variables: searchParams.get('variables'), extensions: searchParams.get('extensions') };
}

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
 * query text's tokens and nesting (query-text.ts), the variables' list lengths and nesting
 * (variable-lists.ts), the persisted-query extension's shape (persisted-query.ts). A request
 * without a body (GET) is measured on its URL's parameters, which Apollo reads then. Pure, so it
 * runs on the HTTP thread for small bodies and on a thread of its own for large ones (body-checker.ts).
 */
export function checkRequestBody(
  bytes: Uint8Array,
  contentType: string | undefined,
  url: UrlParameters,
  limits: OperationLimits,
): BodyCheck {
  let text: string;
  try {
    text = decodeBody(bytes);
  } catch {
    // Decoded leniently, the bytes became U+FFFD and were stored so: what the client sent was lost unsaid.
    return refused(400, 'Request body is not valid UTF-8; send it as UTF-8', { code: ErrorCode.BAD_REQUEST });
  }
  let body: unknown;
  try {
    body = parseBody(text, contentType);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return refused(400, `Request body is not valid JSON: ${error.message}`, { code: ErrorCode.BAD_REQUEST });
  }
  const fields: RequestFields = typeof body === 'object' && body !== null ? body : fieldsOfUrl(url);
  try {
    if (typeof fields.query === 'string') checkQueryText(fields.query, limits);
    // Also when the query is absent: a persisted query's hash comes with variables of any size.
    checkVariableLists(fields.variables);
    checkPersistedQuery(fields.extensions, fields.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const { code, field, limit, actual } = error.extensions;
    return { ...refused(400, error.message, { code, field, limit, actual }), body };
  }
  return { kind: 'accepted', body };
}

interface RequestFields {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly extensions?: unknown;
}

/** The URL's parameters as Apollo reads them for a GET; JSON it cannot parse is left for Apollo to refuse (BAD_REQUEST). */
function fieldsOfUrl(url: UrlParameters): RequestFields {
  return { query: url.query, variables: parsedOrUndefined(url.variables), extensions: parsedOrUndefined(url.extensions) };
}

function parsedOrUndefined(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** UTF-8, refused (TypeError) when not valid; a byte order mark is kept, so JSON.parse refuses it as before. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBody(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  return contentType?.includes('application/json') ? JSON.parse(text) : text;
}

/** A body refused with this HTTP status and one GraphQL error (the body checker's 415 too). */
export function refused(status: number, message: string, extensions: Record<string, unknown>): BodyCheck & { kind: 'refused' } {
  return { kind: 'refused', refusal: { status, payload: { errors: [{ message, extensions }] } } };
}
