import cluster from 'node:cluster';
import { isProcessMessage, type ProcessMessage } from '../cluster/process-message';

/**
 * Failed authentications seen by the other processes of one server, and a way to tell them
 * ours, so `COPNET_AUTH_FAILURE_LIMIT` holds for the whole server, not per process.
 */
export interface FailureChannel {
  publish(address: string): void;
  subscribe(listener: (address: string) => void): void;
}

interface FailureMessage extends ProcessMessage<'auth-failure'> {
  readonly address: string;
}

function isFailureMessage(message: unknown): message is FailureMessage {
  return isProcessMessage<FailureMessage>(message, 'auth-failure') && typeof message.address === 'string';
}

/** In a worker of `copnet serve --processes N`: failures go to the primary, which passes them to every other worker. */
export function clusterFailureChannel(): FailureChannel {
  return {
    publish: (address) => process.send?.({ copnet: 'auth-failure', address } satisfies FailureMessage),
    subscribe: (listener) =>
      process.on('message', (message: unknown) => {
        if (isFailureMessage(message)) listener(message.address);
      }),
  };
}

/** In the primary: relays each worker's failures to every other worker. */
export function relayAuthFailures(): void {
  cluster.on('message', (from, message: unknown) => {
    if (!isFailureMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
    }
  });
}
