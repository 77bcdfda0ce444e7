import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, parse, type ASTNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import { AccessError, CredentialRefusedError, TooManyFailuresError } from '../auth/access-error';
import { InvalidInputError, shortenText, StoreUnavailableError, WorkLimitError } from '../domain/errors';

/** Every `extensions.code` copnet sends, in one list. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The request is not one copnet serves: body not JSON, a subscription (the schema has none). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The request body is over COPNET_MAX_BODY_BYTES (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The operation nests fields deeper than COPNET_MAX_QUERY_DEPTH. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** The operation has more aliases than COPNET_MAX_QUERY_ALIASES. */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** The query text has more tokens than COPNET_MAX_QUERY_TOKENS (refused before parsing). */
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  /** The operation's estimated cost is over COPNET_MAX_QUERY_COST. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The work a request asks for is over COPNET_MAX_WINDOW_INTERACTIONS, or ran past COPNET_WORK_TIMEOUT_MS. */
  WORK_LIMIT_EXCEEDED: 'WORK_LIMIT_EXCEEDED',
} as const;

/** Refusals of an operation's size: sent with their figures (`limit`, `actual`). */
const LIMIT_CODES = new Set<string>([
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.QUERY_TOO_LARGE,
]);

/** Codes Apollo sets for request-level problems; they are the client's to see as they are. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const VALUE_KINDS = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL, Kind.LIST, Kind.OBJECT]);

export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * Maps any error to what a client may see: domain input errors become BAD_USER_INPUT with
 * the field, store outages STORE_UNAVAILABLE, anything unexpected a bare
 * INTERNAL_SERVER_ERROR (logged here with its stack, never sent).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: ErrorLogger): GraphQLFormattedError {
  const original = requestLevelCause(unwrapResolverError(error));
  if (original instanceof InvalidInputError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: original.field },
    };
  }
  if (original instanceof AccessError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code === 'UNAUTHENTICATED' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN,
        requiredRole: original.requiredRole,
      },
    };
  }
  if (original instanceof CredentialRefusedError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    };
  }
  if (original instanceof TooManyFailuresError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds: original.retryAfterSeconds },
    };
  }
  if (original instanceof StoreUnavailableError) {
    log('store unavailable', original);
    return {
      message: 'The data store is unavailable; try again shortly.',
      path: formatted.path,
      extensions: { code: ErrorCode.STORE_UNAVAILABLE },
    };
  }
  if (original instanceof WorkLimitError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.WORK_LIMIT_EXCEEDED, limit: original.limit, actual: original.actual },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && LIMIT_CODES.has(code)) {
    const { limit = null, actual = null } = formatted.extensions ?? {};
    return { message: formatted.message, extensions: { code, limit, actual } };
  }
  if (typeof code === 'string' && APOLLO_CLIENT_CODES.has(code)) {
    const literal = error instanceof GraphQLError ? literalValueError(error) : null;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && literal) {
      return {
        message: quoteShortly(literal.message),
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: literal.field },
      };
    }
    const field = code === 'BAD_USER_INPUT' ? variableField(formatted.message) : null;
    return {
      message: quoteShortly(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: field === null ? { code } : { code, field },
    };
  }
  log('internal error', original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** An error a plugin threw before execution (introspection-access.ts) carries the domain error it stands for. */
function requestLevelCause(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || error.path !== undefined) return error;
  const cause = error.originalError;
  return cause instanceof AccessError ||
    cause instanceof CredentialRefusedError ||
    cause instanceof TooManyFailuresError ||
    cause instanceof StoreUnavailableError
    ? cause
    : error;
}

/** The most characters of a message about a client's query (graphql-js quotes names and values whole). */
const MAX_MESSAGE_CHARS = 2000;

/** graphql-js's message with every quoted piece of the client's query or variables shortened (shortenText). */
export function quoteShortly(message: string): string {
  // Linear however long: a quoted piece's body holds no unescaped quote, so each scan ends at the next one.
  const shortened = message.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) => shortenText(quoted));
  return shortenText(shortened, MAX_MESSAGE_CHARS);
}

/**
 * The field a variable's coercion error is about, as graphql-js names it in the message: the
 * path after `at` (`interactions[1].occurredAt`), or the variable's name when the whole value is
 * wrong or missing (`first`). The first match: graphql-js quotes the value before it with its quotes
 * escaped, while the reason after it may repeat the value unescaped.
 */
export function variableField(message: string): string | null {
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" /.exec(message)?.[1];
  if (variable === undefined) return null;
  const at = new RegExp(` at "(${variable}(?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `);
  return at.exec(message)?.[1] ?? variable;
}

/**
 * A validation error about a literal value written in the query (a bad enum, a malformed
 * DateTime) is bad input like any other: find the argument path of that literal, so the
 * message names the field as it does for variables.
 */
function literalValueError(error: GraphQLError): { field: string; message: string } | null {
  const node = error.nodes?.[0];
  if (!node || !VALUE_KINDS.has(node.kind) || !node.loc || !error.source) return null;
  const field = findValuePath(error.source.body, node.loc.start) ?? 'argument';
  return { field, message: `${field}: ${error.message}` };
}

function findValuePath(query: string, start: number): string | null {
  let found: string | null = null;
  const walkValue = (value: ValueNode, path: string) => {
    if (found !== null) return;
    if (value.loc?.start === start) {
      found = path;
      return;
    }
    if (value.kind === Kind.LIST) value.values.forEach((item, i) => walkValue(item, `${path}[${i}]`));
    if (value.kind === Kind.OBJECT) value.fields.forEach((f) => walkValue(f.value, `${path}.${f.name.value}`));
  };
  const walk = (node: ASTNode) => {
    if (found !== null) return;
    if (node.kind === Kind.ARGUMENT) return walkValue(node.value, node.name.value);
    for (const child of Object.values(node)) {
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as ASTNode).kind === 'string' && item !== node.loc) walk(item as ASTNode);
      }
    }
  };
  try {
    walk(parse(query));
  } catch {
    return null;
  }
  return found;
}
