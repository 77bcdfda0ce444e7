import { useEffect, useState } from 'react';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { ApiError, request } from './client';

export type QueryResult<T> = { status: 'loading' } | { status: 'error'; error: ApiError | Error } | { status: 'done'; data: T };

/** API answers (queries by document and variables, export files by URL), kept until a write or a new token clears them. */
const cache = new Map<string, Promise<unknown>>();
let generation = 0;
const listeners = new Set<() => void>();

/** After a write, or a new token: every view asks the API again. */
export function invalidateQueries(): void {
  cache.clear();
  generation += 1;
  listeners.forEach((listener) => listener());
}

/** One answer per key until invalidateQueries; a failed load is forgotten, so the next call tries again. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

export function cachedRequest<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
): Promise<TResult> {
  return cached(`${document.toString()}\n${JSON.stringify(variables)}`, () => request(document, variables));
}

/** Runs a query whenever its variables change (null variables: wait). */
export function useQuery<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables | null,
): QueryResult<TResult> {
  const [result, setResult] = useState<QueryResult<TResult>>({ status: 'loading' });
  const [version, setVersion] = useState(generation);
  useEffect(() => {
    const listener = () => setVersion(generation);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  const key = variables === null ? null : JSON.stringify(variables);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setResult({ status: 'loading' });
    cachedRequest(document, JSON.parse(key) as TVariables).then(
      (data) => live && setResult({ status: 'done', data }),
      (error: unknown) => live && setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [document, key, version]);
  return result;
}
