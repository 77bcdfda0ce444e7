/**
 * Messages between the processes of `copnet serve --processes N` (node:cluster's IPC channel)
 * name their kind in `copnet`, so each listener picks out its own among node:cluster's and the
 * other copnet features' messages.
 */
export interface ProcessMessage<K extends string = string> {
  readonly copnet: K;
}

/** Whether `message` is a copnet message of `kind`; a guard, since IPC messages arrive untyped. */
export function isProcessMessage<T extends ProcessMessage>(message: unknown, kind: T['copnet']): message is T {
  return typeof message === 'object' && message !== null && (message as { copnet?: unknown }).copnet === kind;
}
