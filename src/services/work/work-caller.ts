import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who the work being started is for (a credential, or a client address), carried along the
 * request's promises so the work pool can give each caller a fair share of its queue without
 * every service passing it on. Work started outside any request is the `server`'s.
 */
const callers = new AsyncLocalStorage<string>();

export function runAsCaller<T>(caller: string, work: () => T): T {
  return callers.run(caller, work);
}

export function currentCaller(): string {
  return callers.getStore() ?? 'server';
}
