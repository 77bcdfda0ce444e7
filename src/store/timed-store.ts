import type { Store } from './store';

/**
 * The store with every async call timed: `observe(method, seconds)` when its promise settles
 * (for /metrics' store call latency). Other members pass through untouched.
 */
export function timedStore(store: Store, observe: (method: string, seconds: number) => void): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) {
          const done = () => observe(property, (performance.now() - started) / 1000);
          result.then(done, done);
        }
        return result;
      };
    },
  });
}
