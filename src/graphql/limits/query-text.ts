import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { shortenText } from '../../domain/errors';
import { ErrorCode } from '../errors';
import type { OperationLimits } from './operation-limits';

/** Longest name (field, alias, argument, type, variable) a query may hold: copnet's own are under 40. */
export const MAX_NAME_CHARS = 128;

/** Brackets deeper than the depth limit by this much cannot be a query the depth rule would let through. */
const NESTING_SLACK = 32;

const OPENERS = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSERS = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Measures a query's text before graphql-js parses it, with its lexer alone: at most
 * `maxTokens` tokens are read (QUERY_TOO_LARGE past them), and brackets nested deeper than
 * `maxDepth` + 32 are refused with QUERY_TOO_DEEP, since graphql-js parses by recursion and
 * a query nested some thousands of levels would overflow the stack. A name longer than
 * MAX_NAME_CHARS is refused with QUERY_TOO_LARGE too. The depth rule
 * (limits-plugin.ts) still measures the exact field depth of what passes. A text the lexer
 * refuses is left to the parser, which reports it as GRAPHQL_PARSE_FAILED.
 */
export function checkQueryText(query: string, limits: OperationLimits): void {
  const lexer = new Lexer(new Source(query));
  const maxNesting = limits.maxDepth + NESTING_SLACK;
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens) {
        throw limitError(
          ErrorCode.QUERY_TOO_LARGE,
          `Query has more than ${limits.maxTokens} tokens, the limit (COPNET_MAX_QUERY_TOKENS); send values as variables`,
          limits.maxTokens,
          null,
        );
      }
      if (token.kind === TokenKind.NAME && token.end - token.start > MAX_NAME_CHARS) {
        // graphql-js would compare a long unknown name with every field for its suggestions.
        const name = query.slice(token.start, token.end);
        throw limitError(
          ErrorCode.QUERY_TOO_LARGE,
          `Query name ${shortenText(name)} is ${name.length} characters long; names are at most ${MAX_NAME_CHARS}`,
          MAX_NAME_CHARS,
          name.length,
        );
      }
      if (OPENERS.has(token.kind) && ++nesting > maxNesting) {
        throw limitError(
          ErrorCode.QUERY_TOO_DEEP,
          `Query nests brackets more than ${maxNesting} levels deep; fields may nest ${limits.maxDepth} (COPNET_MAX_QUERY_DEPTH)`,
          limits.maxDepth,
          null,
        );
      }
      if (CLOSERS.has(token.kind)) nesting -= 1;
    }
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code !== undefined) throw error;
    // A syntax error: the parser reports it.
  }
}

export function limitError(code: string, message: string, limit: number, actual: number | null): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, actual, http: { status: 400 } } });
}
