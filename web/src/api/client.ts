import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { readToken } from './auth';

/** One error of a GraphQL answer, as copnet sends it (code and, for bad input, the field). */
export interface ApiErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly field?: string; readonly [key: string]: unknown };
}

/** A GraphQL answer with errors, or an HTTP failure; `code` is the first error's code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly errors: readonly ApiErrorEntry[],
    readonly status: number,
  ) {
    super(message);
  }
  hasCode(code: string): boolean {
    return this.errors.some((error) => error.extensions?.code === code);
  }
}

type Listener = (error: ApiError) => void;
const authListeners = new Set<Listener>();

/** Called when the API answers UNAUTHENTICATED, so the page can show its sign-in box. */
export function onUnauthenticated(listener: Listener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/**
 * Runs a typed document against the same origin's /graphql with the session's token, if
 * any. Resolves with `data`; rejects with ApiError when the answer carries errors.
 */
export async function request<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = readToken(sessionStorage);
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  let body: { data?: TResult | null; errors?: ApiErrorEntry[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL body`, [], response.status);
  }
  if (body.errors && body.errors.length > 0) {
    const error = new ApiError(body.errors.map((e) => e.message).join('; '), body.errors, response.status);
    if (error.hasCode('UNAUTHENTICATED')) authListeners.forEach((listener) => listener(error));
    throw error;
  }
  if (!body.data) throw new ApiError(`The server answered ${response.status} with no data`, [], response.status);
  return body.data;
}

/** Fetches a same-origin export URL (e.g. the window's JSON network) with the session's token. */
export async function fetchExport(path: string): Promise<Response> {
  const token = readToken(sessionStorage);
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(`Export ${path} failed with ${response.status}`, [], response.status);
  return response;
}
