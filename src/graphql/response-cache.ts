import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, OperationTypeNode, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { requiredRoleForField } from '../auth/policy';
import type { RequestContext } from './context';

export interface ResponseCacheOptions {
  /** Most characters of JSON kept, over all answers. Default 64 MB worth. */
  readonly maxChars?: number;
  /** Answers longer than this are not kept. Default 4 MB worth. */
  readonly maxEntryChars?: number;
}

const DEFAULT_MAX_CHARS = 64_000_000;
const DEFAULT_MAX_ENTRY_CHARS = 4_000_000;

/**
 * Answers repeated reads from memory until the next write (README: response cache).
 *
 * - Only queries whose root fields all need no more than a reader (not the token list or the
 *   audit log, whose changes do not bump the revision) and whose answer has no errors and no
 *   warnings are kept.
 * - The key is the query's hash, the operation name, the variables, the caller's role
 *   (anonymous, reader, writer, admin: an answer is only ever reused for the same role) and
 *   the store revision, read from the store on every request, so a write by any process on
 *   the same store makes every older answer unreachable.
 * - An answer is kept only when the revision is still the one read before execution (a
 *   write during execution could have mixed revisions).
 */
export function responseCachePlugin(options: ResponseCacheOptions = {}): ApolloServerPlugin<RequestContext> {
  const maxEntryChars = options.maxEntryChars ?? DEFAULT_MAX_ENTRY_CHARS;
  const answers = new LRUCache<string, { json: number; result: FormattedExecutionResult }>({
    maxSize: options.maxChars ?? DEFAULT_MAX_CHARS,
    sizeCalculation: (entry) => Math.max(1, entry.json),
  });
  let answersRevision: number | null = null;
  return {
    async requestDidStart() {
      let key: string | null = null;
      let revision = 0;
      return {
        async responseForOperation({ operation, queryHash, operationName, request, contextValue }): Promise<GraphQLResponse | null> {
          // No operation resolved (an unknown operationName): Apollo answers OPERATION_RESOLUTION_FAILURE.
          if (operation === undefined || !isCacheableRead(operation)) return null;
          let role: string;
          try {
            role = (await contextValue.principal())?.role ?? 'anonymous';
            revision = await contextValue.services.revision();
          } catch {
            return null; // the fields report it
          }
          if (revision !== answersRevision) {
            answers.clear(); // older answers can never be asked for again
            answersRevision = revision;
          }
          key = JSON.stringify([role, revision, queryHash, operationName ?? null, request.variables ?? null]);
          const hit = answers.get(key);
          if (!hit) return null;
          key = null;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit.result } };
        },
        async willSendResponse({ response, contextValue }) {
          if (key === null || response.body.kind !== 'single' || contextValue.warnings.length > 0) return;
          const result = response.body.singleResult;
          if (result.errors !== undefined || result.data === undefined || result.data === null) return;
          const json = JSON.stringify(result.data).length;
          if (json > maxEntryChars) return;
          if ((await contextValue.services.revision().catch(() => null)) !== revision || revision !== answersRevision) return;
          answers.set(key, { json, result: { data: result.data } });
        },
      };
    },
  };
}

/**
 * Root fields whose answer changes with the clock, not only with writes: a survey's `isOpen`
 * turns false at its `closesAt` without any write, so surveys are never kept.
 */
const CLOCK_DEPENDENT_FIELDS: ReadonlySet<string> = new Set(['survey', 'surveys']);

/**
 * A query whose root selections are all fields a reader may ask (or introspection). A
 * respondent link's fields (myForm) need the respondent role, so its answers, which differ per
 * respondent under the same role, are never kept.
 */
function isCacheableRead(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (selection.name.value.startsWith('__') ||
        (requiredRoleForField('Query', selection.name.value) === 'reader' && !CLOCK_DEPENDENT_FIELDS.has(selection.name.value))) &&
      (selection.directives ?? []).length === 0,
  );
}
