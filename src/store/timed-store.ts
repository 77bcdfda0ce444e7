import type { Store } from './store';

/**
 * The store with every async call timed: `observe(method, seconds)` when its promise settles
 * (for /metrics' store call latency). The surveys part is timed too, its methods named
 * `surveys.<method>`. Other members pass through untouched.
 */
export function timedStore(store: Store, observe: (method: string, seconds: number) => void): Store {
  const surveys = timed(store.surveys, 'surveys.', observe);
  return timed(store, '', observe, { surveys });
}

function timed<T extends object>(
  target: T,
  prefix: string,
  observe: (method: string, seconds: number) => void,
  replaced: Readonly<Record<string, unknown>> = {},
): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && Object.hasOwn(replaced, property)) return replaced[property];
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (result instanceof Promise) {
          const done = () => observe(`${prefix}${property}`, (performance.now() - started) / 1000);
          result.then(done, done);
        }
        return result;
      };
    },
  });
}
